package io.flotilla.audit;

import java.util.Arrays;
import java.util.List;

/** CSV rows of audit entries (RFC 4180 quoting, spreadsheet formula injection neutralised). Pure. */
final class CsvFormat {

    static final String HEADER = "seq,time,actor,accessKeyId,sourceIp,userAgent,action,module,cluster,namespace,"
            + "kind,name,status,result,requestId,summary,hash\r\n";

    private CsvFormat() {}

    static String row(AuditEntry e) {
        List<String> cells = Arrays.asList(Long.toString(e.seq()), e.time().toString(), e.actor(),
                e.accessKeyId(), e.sourceIp(), e.userAgent(), e.action(), e.target().module(), e.target().cluster(),
                e.target().namespace(), e.target().kind(), e.target().name(), Integer.toString(e.status()),
                e.result(), e.requestId(), e.summary(), e.hash());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells.get(i)));
        }
        return b.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(value)) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
