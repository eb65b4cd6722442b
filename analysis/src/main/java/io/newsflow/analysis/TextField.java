package io.newsflow.analysis;

/** The field of an {@link ArticleText} an offset refers to. */
public enum TextField {
    TITLE,
    LEDE,
    BODY
}
