package io.newsflow.app;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.TopicAssignment;
import io.newsflow.schemas.json.AvroJson;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints enriched articles for people, or as JSON lines with the Avro schema's field names. */
final class ArticlePrinter {

    private final PrintWriter out;
    private final boolean json;

    ArticlePrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void print(EnrichedArticle article) {
        if (json) {
            out.println(AvroJson.toJson(article));
            return;
        }
        out.println("== " + article.getTitle());
        out.println("   id " + article.getArticleId() + " | source " + article.getSource()
                + " | language " + article.getLanguage().getCode()
                + String.format(Locale.ROOT, " (%.2f)", article.getLanguage().getConfidence())
                + (article.getChannel() == IngestChannel.KAFKA && article.getOrigin() != null
                        ? " | via " + article.getOrigin()
                        : ""));
        if (article.getDuplicateOf() != null) {
            out.println("   near-duplicate of " + article.getDuplicateOf());
        }
        out.println("   entities:");
        for (Entity e : article.getEntities()) {
            out.println(String.format(
                    Locale.ROOT,
                    "     %-8s %-28s %-7s%s  %d mention%s, e.g. \"%s\"",
                    e.getId(),
                    e.getName(),
                    e.getType(),
                    e.getSubtype() == null ? "" : "/" + e.getSubtype(),
                    e.getMentions().size(),
                    e.getMentions().size() == 1 ? "" : "s",
                    e.getMentions().isEmpty() ? "" : e.getMentions().get(0).getSurface()));
        }
        if (article.getEntities().isEmpty()) {
            out.println("     (none)");
        }
        out.println("   topics:");
        for (TopicAssignment t : article.getTopics()) {
            String cues = t.getEvidence().isEmpty()
                    ? ""
                    : " e.g. \"" + abbreviate(t.getEvidence().get(0).getText(), 90) + "\"";
            out.println(String.format(
                    Locale.ROOT,
                    "     %-24s score %.2f, %d sentence%s%s",
                    t.getId(),
                    t.getScore(),
                    t.getEvidence().size(),
                    t.getEvidence().size() == 1 ? "" : "s",
                    cues));
        }
        if (article.getTopics().isEmpty()) {
            out.println("     (none)");
        }
        out.println();
    }

    /** {@code text} on one line, cut to at most {@code max} code points (never inside a surrogate pair). */
    static String abbreviate(String text, int max) {
        String oneLine = text.lines().map(String::strip).collect(Collectors.joining(" "));
        if (oneLine.codePointCount(0, oneLine.length()) <= max) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, max - 1)) + "…";
    }
}
