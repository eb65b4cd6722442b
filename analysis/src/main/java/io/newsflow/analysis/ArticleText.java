package io.newsflow.analysis;

import java.util.Objects;

/**
 * The text of one article as the analyzer sees it.
 *
 * @param title            the headline; required
 * @param lede             the standfirst or summary; may be {@code null}
 * @param body             the article body; required (may be empty)
 * @param declaredLanguage the language the sender declared (ISO 639-1), or {@code null}; detection runs regardless
 */
public record ArticleText(String title, String lede, String body, String declaredLanguage) {
    public ArticleText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    /** The text of one field; the lede is empty when absent. */
    public String field(TextField field) {
        return switch (field) {
            case TITLE -> title;
            case LEDE -> lede == null ? "" : lede;
            case BODY -> body;
        };
    }
}
