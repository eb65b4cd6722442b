package io.newsflow.analysis;

/** One analyzer per test JVM: it is immutable and thread-safe, and loading language models takes seconds. */
public final class SharedAnalyzer {
    private SharedAnalyzer() {}

    private static final class Holder {
        static final ArticleAnalyzer INSTANCE = ArticleAnalyzer.loadDefault();
    }

    public static ArticleAnalyzer get() {
        return Holder.INSTANCE;
    }
}
