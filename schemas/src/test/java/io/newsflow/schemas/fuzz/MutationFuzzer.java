package io.newsflow.schemas.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A seeded mutation fuzzer: starting from a seed corpus, it makes inputs by flipping bits, overwriting bytes with
 * interesting values, truncating, deleting, duplicating and inserting byte runs, inserting tokens that parsers treat
 * specially, repeating nesting openers thousands of times, and splicing two inputs, and runs a check on each. Same seed, same inputs: a failure names the run seed
 * and iteration and prints the input in hex, so it can be replayed and kept as a regression test.
 *
 * <p>Why not a library: Jazzer (com.code-intelligence:jazzer-junit, Apache-2.0, on Maven Central) was considered and
 * left out; see ADR 0015 (it is built against JUnit 5 while this build runs JUnit 6, and its coverage-guided mode
 * fuzzes one test per JVM only when an environment variable is set, so it cannot give the bounded CI run asked for).
 * This loop is not coverage-guided; it gets its reach from seeds written to exercise each branch.
 *
 * <p>Run length: {@value #ITERATIONS_PROPERTY} (default {@value #DEFAULT_ITERATIONS} inputs per target, a few
 * seconds) or {@value #SECONDS_PROPERTY} (keep going for that long); seed {@value #SEED_PROPERTY} (default fixed).
 * A longer run: {@code ./mvnw -B -o -pl schemas,ingest -am verify -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnewsflow.fuzz.seconds=600 -Dnewsflow.fuzz.seed=$RANDOM}.
 *
 * <p>Hangs: each input runs on a worker thread and must finish within {@value #HANG_SECONDS} s, a bound hundreds of
 * times what any input of at most {@value #MAX_INPUT_BYTES} bytes needs; it detects endless loops, it measures no
 * speed. Each module with fuzz tests keeps its own copy of this class (the modules' test trees share nothing).
 */
public final class MutationFuzzer {

    public static final String ITERATIONS_PROPERTY = "newsflow.fuzz.iterations";
    public static final String SECONDS_PROPERTY = "newsflow.fuzz.seconds";
    public static final String SEED_PROPERTY = "newsflow.fuzz.seed";
    public static final int DEFAULT_ITERATIONS = 2_000;
    public static final long DEFAULT_SEED = 20_261_203L;
    static final int MAX_INPUT_BYTES = 64 * 1024;
    static final int HANG_SECONDS = 60;
    /**
     * Most bytes of repeated nesting openers inserted at once: deep enough to overflow a default thread stack in
     * recursive code (a few thousand levels), small enough that quadratic-time parsers keep the bounded run short.
     */
    static final int MAX_NESTING_BYTES = 16 * 1024;

    private static final byte[] INTERESTING = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0xfe, '\n', '{', '[', '"'};

    /** Byte runs that text, JSON, HTML and Markdown parsers and the wire format treat specially. */
    private static final List<byte[]> TOKENS = List.of(
            utf8("{"),
            utf8("}"),
            utf8("["),
            utf8("]"),
            utf8("\""),
            utf8("\\u0000"),
            utf8("\\ud800"),
            utf8(":"),
            utf8(","),
            utf8("\n\n"),
            utf8("\r"),
            utf8("<script>"),
            utf8("</article>"),
            utf8("<article>"),
            utf8("<!--"),
            utf8("---\n"),
            utf8("# "),
            utf8("title"),
            utf8("\"id\":"),
            utf8("\"published\":"),
            utf8("null"),
            utf8("1e999999"),
            utf8("-0"),
            utf8("\u200b"),
            utf8("\ufeff"),
            utf8("\u202e"),
            new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
            new byte[] {(byte) 0xff, (byte) 0xfe},
            new byte[] {(byte) 0xfe, (byte) 0xff},
            new byte[] {0, 0, (byte) 0xfe, (byte) 0xff},
            new byte[] {(byte) 0xc3},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {0x1f, (byte) 0x8b},
            new byte[] {0, 0, 0, 0, 1},
            new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},
            new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01});

    /** Openers that nest when repeated: block quotes, lists, brackets, JSON objects and arrays, HTML elements. */
    private static final List<byte[]> NESTERS = List.of(
            utf8("> "),
            utf8("- "),
            utf8("1. "),
            utf8("["),
            utf8("*"),
            utf8("{\"a\":"),
            utf8("[["),
            utf8("<div>"),
            utf8("<b><i>"),
            utf8("("),
            new byte[] {(byte) 0x02, 0x02});

    /** What one input must satisfy; throws (an AssertionError or anything else) when it does not. */
    @FunctionalInterface
    public interface Check {
        void accept(byte[] input) throws Exception;
    }

    private final List<byte[]> seeds;
    private final Random random;

    private MutationFuzzer(List<byte[]> seeds, long seed) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a fuzzer needs at least one seed input");
        }
        this.seeds = List.copyOf(seeds);
        this.random = new Random(seed);
    }

    /** Runs {@code check} on every seed and then on mutated inputs, as long as the system properties say. */
    public static void fuzz(String target, List<byte[]> seeds, Check check) {
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        long iterations = Long.getLong(ITERATIONS_PROPERTY, DEFAULT_ITERATIONS);
        long seconds = Long.getLong(SECONDS_PROPERTY, 0L);
        long deadline = seconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
        MutationFuzzer fuzzer = new MutationFuzzer(seeds, seed);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + target);
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < seeds.size(); i++) {
                runOne(worker, target, seed, -1 - i, seeds.get(i), check);
            }
            List<byte[]> pool = new ArrayList<>(seeds);
            for (long i = 0; seconds > 0 ? System.nanoTime() < deadline : i < iterations; i++) {
                byte[] input = fuzzer.mutate(pool);
                runOne(worker, target, seed, i, input, check);
                if (pool.size() < 256 && fuzzer.random.nextInt(16) == 0) {
                    pool.add(input); // a little memory, so mutations can stack
                }
            }
        } finally {
            worker.shutdownNow();
        }
    }

    private static void runOne(
            ExecutorService worker, String target, long seed, long iteration, byte[] input, Check check) {
        Future<?> done = worker.submit(() -> {
            check.accept(input);
            return null;
        });
        try {
            done.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            done.cancel(true);
            throw new AssertionError(
                    describe(
                            target,
                            seed,
                            iteration,
                            input,
                            "did not finish within " + Duration.ofSeconds(HANG_SECONDS) + " (a hang)"),
                    e);
        } catch (ExecutionException e) {
            throw new AssertionError(
                    describe(target, seed, iteration, input, e.getCause().toString()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String describe(String target, long seed, long iteration, byte[] input, String what) {
        return "fuzz target " + target + ", seed " + seed
                + (iteration < 0 ? ", seed input " + (-1 - iteration) : ", iteration " + iteration) + ": " + what
                + "\ninput (" + input.length + " bytes, hex): "
                + HexFormat.of().formatHex(input, 0, Math.min(input.length, 4096))
                + (input.length > 4096 ? "..." : "") + "\nas text: "
                + new String(input, 0, Math.min(input.length, 1024), StandardCharsets.UTF_8);
    }

    /** One new input from the pool: one to four stacked mutations of a random member. */
    byte[] mutate(List<byte[]> pool) {
        byte[] input = pool.get(random.nextInt(pool.size()));
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            input = mutateOnce(input, pool);
        }
        return input.length > MAX_INPUT_BYTES ? Arrays.copyOf(input, MAX_INPUT_BYTES) : input;
    }

    private byte[] mutateOnce(byte[] in, List<byte[]> pool) {
        if (in.length == 0) {
            return insert(in, 0, token());
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(10)) {
            case 0 -> { // bit flip
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1 -> { // interesting byte
                byte[] out = in.clone();
                out[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                return out;
            }
            case 2 -> { // truncation
                return Arrays.copyOf(in, at);
            }
            case 3 -> { // deletion of a run
                int length = 1 + random.nextInt(Math.min(32, in.length - at));
                byte[] out = new byte[in.length - length];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + length, out, at, in.length - at - length);
                return out;
            }
            case 4 -> { // random bytes inserted
                byte[] run = new byte[1 + random.nextInt(8)];
                random.nextBytes(run);
                return insert(in, at, run);
            }
            case 5 -> { // a token inserted
                return insert(in, at, token());
            }
            case 6 -> { // a run of the input repeated (deep nesting, long lines)
                int length = 1 + random.nextInt(Math.min(16, in.length - at));
                byte[] run = Arrays.copyOfRange(in, at, at + length);
                // now and then as many as fit: nesting thousands deep is where recursive parsers break
                int times = 1 + random.nextInt(random.nextInt(8) == 0 ? MAX_INPUT_BYTES / length : 16);
                byte[] repeated = new byte[Math.min(MAX_INPUT_BYTES, run.length * times)];
                for (int i = 0; i < repeated.length; i++) {
                    repeated[i] = run[i % run.length];
                }
                return insert(in, at, repeated);
            }
            case 7 -> { // splice: the head of this input, the tail of another
                byte[] other = pool.get(random.nextInt(pool.size()));
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                byte[] out = Arrays.copyOf(in, at + other.length - from);
                System.arraycopy(other, from, out, at, other.length - from);
                return out;
            }
            case 8 -> { // an opener repeated hundreds to thousands of times: deep nesting breaks recursive code
                byte[] opener = NESTERS.get(random.nextInt(NESTERS.size()));
                int times = 1 + random.nextInt(MAX_NESTING_BYTES / opener.length);
                byte[] nested = new byte[opener.length * times];
                for (int i = 0; i < nested.length; i++) {
                    nested[i] = opener[i % opener.length];
                }
                int lineStart = at;
                while (lineStart > 0 && in[lineStart - 1] != '\n') {
                    lineStart--;
                }
                return insert(in, random.nextBoolean() ? lineStart : at, nested);
            }
            default -> { // a varint-sized field made huge or negative (Avro lengths and counts)
                byte[] out = in.clone();
                byte[] big = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
                System.arraycopy(big, 0, out, at, Math.min(big.length, out.length - at));
                return out;
            }
        }
    }

    private byte[] token() {
        return TOKENS.get(random.nextInt(TOKENS.size()));
    }

    private static byte[] insert(byte[] in, int at, byte[] run) {
        byte[] out = new byte[in.length + run.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(run, 0, out, at, run.length);
        System.arraycopy(in, at, out, at + run.length, in.length - at);
        return out;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
