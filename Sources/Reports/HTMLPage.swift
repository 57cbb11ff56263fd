/// The frame of every HTML report: one self-contained, well-formed XHTML page with
/// inline CSS, no scripts, fonts or network, so it opens from a mail attachment.
enum HTMLPage {
    /// `text` with the characters that are markup in HTML and XML (`&`, `<`, `>`, `"`)
    /// escaped: the one escaping of every report.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func wrap(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(HTMLPage.escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>
        \(body)
        <footer>ccsim \(ccsimVersion). Confidence intervals are Student-t intervals across replications.</footer>
        </body>
        </html>

        """
    }

    static let css = """
        body{font-family:sans-serif;margin:24px auto;max-width:1000px;color:#111;line-height:1.4}
        h1{margin-bottom:4px}h2{border-bottom:2px solid #0072B2;padding-bottom:2px;margin-top:32px}
        table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
        th,td{border:1px solid #bbb;padding:3px 7px;text-align:right;white-space:nowrap}th{background:#eef3f8}
        td.name,th.name{text-align:left}.met{font-weight:bold}.missed{font-weight:bold;text-decoration:underline}
        dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:8px 0}dt{font-weight:bold}dd{margin:0}
        figure.chart{margin:12px 0}svg{width:100%;height:auto;font-family:sans-serif}
        .small{font-size:11px;fill:#222}.chart-title{font-size:14px;font-weight:bold;fill:#111}
        footer{margin-top:32px;font-size:12px;color:#555}
        """
}
