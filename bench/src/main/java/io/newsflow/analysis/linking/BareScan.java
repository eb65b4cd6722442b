package io.newsflow.analysis.linking;

import io.newsflow.analysis.kb.Alias;
import io.newsflow.analysis.kb.KnowledgeBase;
import io.newsflow.analysis.text.Folding;
import java.util.List;

/**
 * The baseline of the entity-matching benchmark: the linker's own automaton ({@link SurfaceIndex} over the same folded
 * surface forms) run over the same folded text, with nothing else — no case rules, no context, no disambiguation.
 *
 * <p>It lives in the bench module but in the linker's package because {@link SurfaceIndex} is package-private and the
 * benchmark must not change analysis code to measure it (ADR 0019). If the linker's automaton changes, this class is
 * the one line to change with it.
 */
public final class BareScan {
    private final SurfaceIndex<List<Alias>> index;

    private BareScan(SurfaceIndex<List<Alias>> index) {
        this.index = index;
    }

    /** The same index {@link EntityLinker} builds from {@code kb}. */
    public static BareScan over(KnowledgeBase kb) {
        return new BareScan(SurfaceIndex.of(kb.aliasesByFoldedSurface()));
    }

    /** Folds {@code text} as the linker does and counts the surface forms found at word boundaries. */
    public int count(String text) {
        int[] hits = {0};
        index.find(Folding.fold(text), (begin, end, aliases) -> hits[0] += aliases.size() > 0 ? 1 : 0);
        return hits[0];
    }
}
