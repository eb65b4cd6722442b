package io.newsflow.testsupport.builders;

import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Test-data builder for {@link RawArticle}: {@code aRawArticle().withTitle("...").withBody("...").build()}. Every field
 * has a plausible default so a test states only what it is about.
 */
public final class RawArticleBuilder {

    private String articleId = "test-article-1";
    private String source = "test-source";
    private IngestChannel channel = IngestChannel.FILE;
    private String origin = "test";
    private String url;
    private String title = "A headline";
    private String lede;
    private String body = "Some body text.";
    private String declaredLanguage;
    private Instant publishedAt;
    private Instant ingestedAt = Instant.parse("2026-11-30T00:00:00Z");
    private final Map<String, String> attributes = new HashMap<>();

    private RawArticleBuilder() {}

    public static RawArticleBuilder aRawArticle() {
        return new RawArticleBuilder();
    }

    public RawArticleBuilder withId(String id) {
        this.articleId = id;
        return this;
    }

    public RawArticleBuilder withSource(String source) {
        this.source = source;
        return this;
    }

    public RawArticleBuilder withChannel(IngestChannel channel) {
        this.channel = channel;
        return this;
    }

    public RawArticleBuilder withUrl(String url) {
        this.url = url;
        return this;
    }

    public RawArticleBuilder withTitle(String title) {
        this.title = title;
        return this;
    }

    public RawArticleBuilder withLede(String lede) {
        this.lede = lede;
        return this;
    }

    public RawArticleBuilder withBody(String body) {
        this.body = body;
        return this;
    }

    public RawArticleBuilder withDeclaredLanguage(String language) {
        this.declaredLanguage = language;
        return this;
    }

    public RawArticleBuilder publishedAt(Instant when) {
        this.publishedAt = when;
        return this;
    }

    public RawArticleBuilder ingestedAt(Instant when) {
        this.ingestedAt = when;
        return this;
    }

    public RawArticleBuilder withAttribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    public RawArticle build() {
        return RawArticle.newBuilder()
                .setArticleId(articleId)
                .setSource(source)
                .setChannel(channel)
                .setOrigin(origin)
                .setUrl(url)
                .setTitle(title)
                .setLede(lede)
                .setBody(body)
                .setDeclaredLanguage(declaredLanguage)
                .setPublishedAt(publishedAt)
                .setIngestedAt(ingestedAt)
                .setAttributes(new HashMap<>(attributes))
                .build();
    }
}
