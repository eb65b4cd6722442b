package io.newsflow.analysis.topics;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A taxonomy rules document that cannot be used, with every problem found and the line it is on. A checked exception:
 * whoever reads a document from outside (a file, a Kafka record) must decide what refusing it means.
 */
public final class InvalidTaxonomyException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param line    1-based line of the document it is on; 0 when it concerns no line (e.g. an empty document)
     * @param message what is wrong
     */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + message;
        }
    }

    private final transient List<Problem> problems;

    public InvalidTaxonomyException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid taxonomy has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidTaxonomyException(int line, String message) {
        this(List.of(new Problem(line, message)));
    }

    /** The problems, in document order as far as it is known. */
    public List<Problem> problems() {
        return problems;
    }
}
