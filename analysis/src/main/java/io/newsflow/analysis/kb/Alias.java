package io.newsflow.analysis.kb;

import java.util.Objects;

/**
 * One surface form of an entity.
 *
 * @param surface            the form as written in the knowledge base
 * @param caseSensitive      the text must spell it exactly so (short acronyms: "US", "UN", "EU")
 * @param requiresAntecedent links only after a {@link AliasKind#NAME} or {@link AliasKind#ALIAS} mention of the same
 *                           entity earlier in the article (ambiguous short forms: "Kim", "Xi")
 */
public record Alias(KbEntity entity, AliasKind kind, String surface, boolean caseSensitive, boolean requiresAntecedent) {
  public Alias {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(surface, "surface");
  }

  /** Proper names must start with a capital letter in the text; demonyms need not (Spanish writes them lower case). */
  public boolean requiresCapital() {
    return kind != AliasKind.DEMONYM;
  }
}
