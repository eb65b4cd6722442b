package io.newsflow.analysis;

/** Test data builder: {@code anArticle().withTitle("...").withBody("...").build()}. */
public final class ArticleTextBuilder {
    private String title = "Untitled";
    private String lede;
    private String body = "";
    private String declaredLanguage;

    private ArticleTextBuilder() {}

    public static ArticleTextBuilder anArticle() {
        return new ArticleTextBuilder();
    }

    public ArticleTextBuilder withTitle(String title) {
        this.title = title;
        return this;
    }

    public ArticleTextBuilder withLede(String lede) {
        this.lede = lede;
        return this;
    }

    public ArticleTextBuilder withBody(String body) {
        this.body = body;
        return this;
    }

    public ArticleTextBuilder declaredAs(String language) {
        this.declaredLanguage = language;
        return this;
    }

    public ArticleText build() {
        return new ArticleText(title, lede, body, declaredLanguage);
    }
}
