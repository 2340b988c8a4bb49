package io.flotilla.inspection;

import java.util.List;
import java.util.Map;

/** CSV and printable HTML renderings of a report and its findings. Pure. */
final class Exports {

    private static final List<String> COLUMNS = List.of("severity", "category", "check", "title", "cluster", "kind",
            "namespace", "name", "message", "remediation", "acknowledged");

    private Exports() {}

    static String csv(List<FindingView> findings) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (FindingView f : findings) {
            List<String> cells = List.of(f.severity(), f.category(), f.checkId(), f.title(), f.cluster(), f.kind(),
                    nz(f.namespace()), f.name(), f.message(), nz(f.remediation()), String.valueOf(f.acknowledged()));
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** A self-contained page (inline CSS, no scripts) that prints well. */
    static String html(Report r, List<FindingView> findings) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Inspection report ")
                .append(esc(r.cluster())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#151515}")
                .append("table{border-collapse:collapse;width:100%;font-size:12px}th,td{border:1px solid #ccc;padding:4px;")
                .append("text-align:left;vertical-align:top}th{background:#f0f0f0}.critical{color:#a30000;font-weight:bold}")
                .append(".warning{color:#8a6d00}.info{color:#2b6cb0}.score{font-size:48px;font-weight:bold}")
                .append("@media print{a{color:inherit;text-decoration:none}}</style></head><body>");
        h.append("<h1>Inspection report: ").append(esc(r.cluster())).append("</h1>");
        h.append("<p>Run ").append(esc(String.valueOf(r.runId()))).append(", finished ").append(esc(String.valueOf(r.finishedAt())))
                .append(r.complete() ? "" : " (only the namespaces you may read)").append("</p>");
        h.append("<p class=\"score\">").append(r.score()).append(" / 100</p>");
        h.append("<p>").append(r.findings()).append(" findings, ").append(r.acknowledged()).append(" acknowledged; ")
                .append(r.checksEvaluated()).append(" checks over ").append(r.objects()).append(" objects. New since the ")
                .append("previous run: ").append(r.trend().newCount()).append(", resolved: ").append(r.trend().resolvedCount())
                .append(".</p>");
        h.append("<h2>By severity</h2>").append(counts(r.bySeverity()));
        h.append("<h2>By category</h2>").append(counts(r.byCategory()));
        h.append("<h2>Findings</h2><table><thead><tr><th>Severity</th><th>Check</th><th>Object</th><th>Message</th>")
                .append("<th>Remediation</th></tr></thead><tbody>");
        for (FindingView f : findings) {
            h.append("<tr><td class=\"").append(esc(f.severity())).append("\">").append(esc(f.severity()))
                    .append(f.acknowledged() ? " (acknowledged)" : "").append("</td><td>").append(esc(f.checkId()))
                    .append(" ").append(esc(f.title())).append("</td><td>").append(esc(f.kind())).append(" ")
                    .append(esc(f.namespace() == null ? "" : f.namespace() + "/")).append(esc(f.name()))
                    .append("</td><td>").append(esc(f.message())).append("</td><td>").append(esc(nz(f.remediation())))
                    .append("</td></tr>");
        }
        return h.append("</tbody></table></body></html>").toString();
    }

    private static String counts(Map<String, Integer> counts) {
        StringBuilder t = new StringBuilder("<table><tbody>");
        counts.forEach((k, v) -> t.append("<tr><th>").append(esc(k)).append("</th><td>").append(v).append("</td></tr>"));
        return t.append("</tbody></table>").toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 4180 quoting; cells starting with = + - @ are prefixed with ' so spreadsheets do not run them. */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
