package io.newsflow.analysis.topics;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.TextField;
import io.newsflow.analysis.TopicEvidence;
import io.newsflow.analysis.TopicMatch;
import io.newsflow.analysis.linking.ResolvedMention;
import io.newsflow.analysis.text.CodePoints;
import io.newsflow.analysis.text.Folding;
import io.newsflow.analysis.text.Sentences;
import io.newsflow.analysis.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tags an article with taxonomy topics by evaluating {@link TopicRules} sentence by sentence. For each topic, each
 * sentence contributes the weight of its strongest firing rule times its field's weight; the topic's score is
 * {@code 1 - exp(-sum / saturation)}, reported when at least the threshold, with the firing sentences as evidence
 * (at most {@value #MAX_EVIDENCE}, strongest first). Immutable and thread-safe after construction.
 */
public final class TopicTagger {
    static final int MAX_EVIDENCE = 8;

    private final TopicRules rules;
    private final AhoCorasickDoubleArrayTrie<String> cueTrie = new AhoCorasickDoubleArrayTrie<>();

    public TopicTagger(TopicRules rules) {
        this.rules = rules;
        TreeMap<String, String> keys = new TreeMap<>();
        for (String cue : rules.allCues()) {
            String key = TopicRules.stem(cue);
            keys.put(key, key);
        }
        cueTrie.build(keys);
    }

    /** A cue occurrence in a field: {@code wholeWord} when it also ends at a word boundary. */
    private record CueHit(int start, int end, String key, boolean wholeWord) {}

    /**
     * A topic firing in at least one sentence in this many (title and lede included) is reported whatever its
     * strength: a one- or two-sentence article is about what its sentence is about, while in a long article one body
     * sentence stays a passing mention.
     */
    private static final int SHARE_DENOMINATOR = 3;

    /** @param inLead in the title, the lede or a sentence starting in the body's first {@code leadChars} */
    private record Firing(TopicRule rule, double strength, TopicEvidence evidence, boolean inLead) {}

    /** The topics of {@code text}, given its resolved entity mentions; strongest first. */
    public List<TopicMatch> tag(ArticleText text, List<ResolvedMention> mentions) {
        Map<String, List<Firing>> firings = new HashMap<>();
        // article-wide context counts, computed once per context group and article, not once per sentence and rule
        Map<List<EntityToken>, Integer> contextCounts = new IdentityHashMap<>();
        int sentences = 0;
        for (TextField field : TextField.values()) {
            String original = text.field(field);
            if (original.isEmpty()) {
                continue;
            }
            String folded = Folding.fold(original);
            List<CueHit> cues = cueHits(folded);
            List<ResolvedMention> fieldMentions = new ArrayList<>();
            for (ResolvedMention m : mentions) {
                if (m.field() == field) {
                    fieldMentions.add(m);
                }
            }
            fieldMentions.sort(Comparator.comparingInt(ResolvedMention::start));
            CodePoints cp = new CodePoints(original);
            double fieldWeight = rules.fieldWeights().get(field);
            // mentions and cues are sorted by start, sentences come in order: one linear walk hands each sentence
            // its own
            int nextMention = 0;
            int nextCue = 0;
            List<ResolvedMention> sentenceMentions = new ArrayList<>();
            List<CueHit> sentenceCues = new ArrayList<>();
            for (Span sentence : Sentences.split(original)) {
                sentences++;
                boolean inLead = field != TextField.BODY
                        || sentence.start() < rules.salience().leadChars();
                sentenceMentions.clear();
                sentenceCues.clear();
                while (nextMention < fieldMentions.size()
                        && fieldMentions.get(nextMention).start() < sentence.end()) {
                    ResolvedMention m = fieldMentions.get(nextMention++);
                    if (sentence.encloses(m.start(), m.end())) {
                        sentenceMentions.add(m);
                    }
                }
                while (nextCue < cues.size() && cues.get(nextCue).start() < sentence.end()) {
                    CueHit c = cues.get(nextCue++);
                    // a word inside an entity name is not a cue: "Tratado" in "Organización del Tratado del
                    // Atlántico Norte"
                    if (sentence.encloses(c.start(), c.end()) && !insideMention(c, sentenceMentions)) {
                        sentenceCues.add(c);
                    }
                }
                if (sentenceCues.isEmpty() && sentenceMentions.isEmpty()) {
                    continue;
                }
                for (TopicDefinition topic : rules.topics()) {
                    Firing best = null;
                    for (TopicRule rule : topic.rules()) {
                        if (best != null && best.rule().weight() >= rule.weight()) {
                            continue;
                        }
                        List<String> matched =
                                evaluate(rule, sentenceMentions, sentenceCues, original, mentions, contextCounts);
                        if (matched != null) {
                            TopicEvidence evidence = new TopicEvidence(
                                    rule.name(),
                                    field,
                                    cp.offset(sentence.start()),
                                    cp.offset(sentence.end()),
                                    original.substring(sentence.start(), sentence.end()),
                                    matched);
                            best = new Firing(rule, rule.weight() * fieldWeight, evidence, inLead);
                        }
                    }
                    if (best != null) {
                        firings.computeIfAbsent(topic.id(), k -> new ArrayList<>())
                                .add(best);
                    }
                }
            }
        }
        List<TopicMatch> out = new ArrayList<>();
        for (TopicDefinition topic : rules.topics()) {
            List<Firing> list = firings.get(topic.id());
            if (list == null) {
                continue;
            }
            double strength = list.stream().mapToDouble(Firing::strength).sum();
            double score = 1 - Math.exp(-strength / rules.saturation());
            // a short article is substantially about a topic that a third of its sentences are about
            if (list.size() * SHARE_DENOMINATOR >= sentences) {
                score = Math.max(score, rules.threshold());
            }
            // a passing mention deep in a long article is not what the article is about, however strong
            boolean inLead = list.stream().anyMatch(Firing::inLead);
            if (score >= rules.threshold() && rules.salience().isSalient(inLead, list.size(), sentences)) {
                List<TopicEvidence> evidence = list.stream()
                        .sorted(Comparator.comparingDouble(Firing::strength).reversed())
                        .limit(MAX_EVIDENCE)
                        .map(Firing::evidence)
                        .toList();
                out.add(new TopicMatch(topic.id(), Math.round(score * 1000) / 1000.0, evidence));
            }
        }
        out.sort(Comparator.comparingDouble(TopicMatch::score).reversed());
        return out;
    }

    /**
     * Whether the cue lies within a mention: "Tratado" in NATO's Spanish name is no cue, while "frontière irlandaise"
     * stays one though it holds the demonym "irlandaise".
     */
    private static boolean insideMention(CueHit c, List<ResolvedMention> mentions) {
        for (ResolvedMention m : mentions) {
            if (m.start() <= c.start() && c.end() <= m.end()) {
                return true;
            }
        }
        return false;
    }

    /** The matched labels and cue surfaces when {@code rule} fires on the sentence, or null. */
    private static List<String> evaluate(
            TopicRule rule,
            List<ResolvedMention> sentenceMentions,
            List<CueHit> cues,
            String original,
            List<ResolvedMention> allMentions,
            Map<List<EntityToken>, Integer> contextCounts) {
        if (!rule.unless().isEmpty()) {
            for (CueHit hit : cues) {
                if (matchesAny(rule.unless(), hit)) {
                    return null;
                }
            }
        }
        for (EntityToken veto : rule.unlessEntities()) {
            for (ResolvedMention m : sentenceMentions) {
                if (veto.matchLabel(m) != null) {
                    return null;
                }
            }
        }
        if (!rule.entities().isEmpty() && sentenceMentions.isEmpty()) {
            return null;
        }
        if (rule.cues().size() > cues.size()) {
            return null; // each cue group needs a word of its own
        }
        Set<String> matched = new LinkedHashSet<>();
        for (List<EntityToken> group : rule.entities()) {
            if (!anyMatch(group, sentenceMentions, matched)) {
                return null;
            }
        }
        for (List<EntityToken> group : rule.context()) {
            int count = contextCounts.computeIfAbsent(group, g -> countMatches(g, allMentions));
            if (count < rule.contextMinMentions()) {
                return null;
            }
        }
        List<List<Integer>> startsByGroup = new ArrayList<>(rule.cues().size());
        for (List<String> group : rule.cues()) {
            List<Integer> starts = new ArrayList<>(2);
            for (CueHit hit : cues) {
                if (matchesAny(group, hit)) {
                    matched.add(original.substring(
                            hit.start(), hit.wholeWord() ? hit.end() : wordEnd(original, hit.end())));
                    if (!starts.contains(hit.start())) {
                        starts.add(hit.start());
                    }
                }
            }
            if (starts.isEmpty()) {
                return null;
            }
            startsByGroup.add(starts);
        }
        return eachGroupHasItsOwnWord(startsByGroup, 0, new HashSet<>()) ? List.copyOf(matched) : null;
    }

    /**
     * Whether every cue group from {@code group} on can take a word (identified by its start) that no other group
     * takes. Tries every choice, not only the first hit of each group: in "oil embargo on crude" the groups
     * {@code [oil, crude]} and {@code [oil embargo]} are both satisfied, by "crude" and "oil embargo".
     */
    private static boolean eachGroupHasItsOwnWord(List<List<Integer>> startsByGroup, int group, Set<Integer> used) {
        if (group == startsByGroup.size()) {
            return true;
        }
        for (int start : startsByGroup.get(group)) {
            if (used.add(start)) {
                if (eachGroupHasItsOwnWord(startsByGroup, group + 1, used)) {
                    return true;
                }
                used.remove(start);
            }
        }
        return false;
    }

    private static boolean matchesAny(List<String> group, CueHit hit) {
        for (String cue : group) {
            boolean stem = cue.endsWith("*");
            if ((stem ? cue.substring(0, cue.length() - 1) : cue).equals(hit.key()) && (stem || hit.wholeWord())) {
                return true;
            }
        }
        return false;
    }

    private static int countMatches(List<EntityToken> group, List<ResolvedMention> mentions) {
        int n = 0;
        for (ResolvedMention m : mentions) {
            for (EntityToken t : group) {
                if (t.matchLabel(m) != null) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static boolean anyMatch(List<EntityToken> group, List<ResolvedMention> mentions, Set<String> matched) {
        boolean found = false;
        for (ResolvedMention m : mentions) {
            for (EntityToken token : group) {
                String label = token.matchLabel(m);
                if (label != null) {
                    matched.add(label);
                    found = true;
                }
            }
        }
        return found;
    }

    private List<CueHit> cueHits(String folded) {
        List<CueHit> out = new ArrayList<>();
        cueTrie.parseText(folded, (begin, end, key) -> {
            if (isBoundary(folded, begin - 1)) {
                out.add(new CueHit(begin, end, key, isBoundary(folded, end)));
            }
        });
        out.sort(Comparator.comparingInt(CueHit::start)); // the automaton reports hits by their end
        return out;
    }

    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBoundary(String folded, int index) {
        return index < 0 || index >= folded.length() || !Character.isLetterOrDigit(folded.charAt(index));
    }
}
