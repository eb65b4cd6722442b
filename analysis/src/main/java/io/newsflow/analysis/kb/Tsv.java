package io.newsflow.analysis.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Minimal reader for the knowledge base's TSV files: header row, tab-separated, no quoting. */
final class Tsv {
    private Tsv() {}

    /** Rows as header → value maps; missing trailing cells read as empty strings; lines starting with '#' skipped. */
    static List<Map<String, String>> rows(String content, String resourceName) {
        String[] lines = content.split("\r?\n");
        List<Map<String, String>> out = new ArrayList<>();
        String[] header = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.length > header.length) {
                throw new IllegalStateException(resourceName + ": more cells than header columns in line: " + line);
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < cells.length ? cells[i].trim() : "");
            }
            out.add(row);
        }
        if (header == null) {
            throw new IllegalStateException(resourceName + ": no header row");
        }
        return out;
    }
}
