/// The report's inline style sheet: system fonts only (no web fonts), readable on screen and in print.
enum HTMLStyle {
    static let css = """
        :root {
          --text: #2b2f33; --muted: #5f6770; --line: #d8dde3; --soft: #f4f6f8;
          --pass: #1e7b45; --pass-bg: #e3f4e9; --fail: #a52a1c; --fail-bg: #fde3df;
          --unknown: #6b5d00; --unknown-bg: #fbf3c8; --accent: #2f5d8a;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; color: var(--text); background: #ffffff; line-height: 1.55; font-size: 15px;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
            "Hiragino Sans GB", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif;
        }
        main { max-width: 1080px; margin: 0 auto; padding: 24px 28px 48px; }
        header.report { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; }
        h1 { font-size: 26px; margin: 0 0 6px; }
        h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 17px; margin: 24px 0 8px; }
        p.subtitle { margin: 2px 0; color: var(--muted); }
        nav.contents { background: var(--soft); border-radius: 6px; padding: 10px 16px; margin: 16px 0; }
        nav.contents ul { margin: 4px 0; padding-left: 0; list-style: none; }
        nav.contents li { display: inline-block; margin-right: 18px; }
        nav.contents a { color: var(--accent); text-decoration: none; }
        .counts { font-size: 16px; margin: 8px 0 12px; }
        .counts .n { font-weight: 700; }
        .table-wrap { overflow-x: auto; margin: 8px 0 4px; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        caption { text-align: left; font-weight: 700; padding: 4px 0 6px; }
        th, td { border: 1px solid var(--line); padding: 5px 8px; vertical-align: top; }
        thead th { background: #e8eef5; text-align: left; vertical-align: bottom; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num, td.short { white-space: nowrap; }
        th.num { min-width: 3.5em; }
        th.long { min-width: 9em; }
        th.nowrap { white-space: nowrap; }
        td.long { overflow-wrap: anywhere; }
        table.wide { font-size: 13px; }
        table.narrow { width: auto; min-width: 40%; }
        table.wide th, table.wide td { padding: 4px 5px; }
        table.wide thead th { font-size: 12px; }
        td.fail { background: var(--fail-bg); color: var(--fail); font-weight: 700; }
        tr.group th { background: var(--soft); text-align: left; font-size: 15px; }
        .badge {
          display: inline-block; min-width: 4.2em; text-align: center; padding: 1px 8px; border-radius: 10px;
          font-size: 13px; font-weight: 700; white-space: nowrap;
        }
        table.wide .badge { min-width: 0; padding: 1px 6px; font-size: 12px; }
        .badge.pass { background: var(--pass-bg); color: var(--pass); }
        .badge.fail { background: var(--fail-bg); color: var(--fail); }
        .badge.unknown { background: var(--unknown-bg); color: var(--unknown); }
        tr.bar.fail td.units { color: var(--fail); }
        td.verdict { white-space: nowrap; }
        table.bars { table-layout: fixed; min-width: 760px; }
        table.bars col.name { width: 31%; }
        table.bars col.figure { width: 17%; }
        table.bars col.threshold { width: 20%; }
        table.bars col.verdict { width: 9%; }
        table.bars col.units { width: 23%; }
        table.bars td { overflow-wrap: anywhere; }
        table.bars td.figure { white-space: normal; }
        td .part { display: block; white-space: normal; }
        td .sep { display: none; }
        table.bars td.units { font-size: 13px; }
        figure.chart { margin: 16px 0 24px; padding: 10px 12px; border: 1px solid var(--line); border-radius: 6px; }
        figure.chart figcaption { font-weight: 700; margin-bottom: 6px; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        p.note { color: var(--muted); font-size: 13px; margin: 4px 0; }
        .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 14px 18px; }
        article.panel { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px 10px; min-width: 0; }
        article.panel.wide { grid-column: 1 / -1; }
        article.panel h3 { font-size: 15px; margin: 2px 0 6px; }
        article.panel figure.chart { margin: 0 0 6px; padding: 0; border: none; }
        article.panel figure.chart svg { max-width: min(100%, 560px); }
        article.panel.wide .lead.pair {
          display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 18px; align-items: start;
        }
        article.panel table { font-size: 13px; }
        article.panel th, article.panel td { padding: 3px 6px; }
        footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          body { font-size: 12px; }
          main { max-width: none; padding: 0; }
          nav.contents { display: none; }
          .table-wrap { overflow: visible; }
          table { font-size: 11px; }
          table.wide { font-size: 9.5px; }
          table.wide th, table.wide td { padding: 2px 3px; }
          th, td { padding: 3px 5px; }
          figure.chart, tr, article.panel { break-inside: avoid; }
          h2, h3, caption, tr.group { break-after: avoid; }
          section[data-section]:not([data-section="summary"]) { break-before: page; }
          section > h2 { margin-top: 0; }
          thead { display: table-header-group; }
          tbody tr:nth-child(even), thead th, td.fail, .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """
}
