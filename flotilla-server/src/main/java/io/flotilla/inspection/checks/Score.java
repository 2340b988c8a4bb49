package io.flotilla.inspection.checks;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The report score, 0 to 100. Each distinct failing check (a check with at least one counted finding)
 * multiplies the score by its severity's factor: critical 0.85, warning 0.97, info 0.995.
 * {@code score = round(100 × 0.85^C × 0.97^W × 0.995^I)} where C, W, I count failing checks per
 * severity. A check failing on 500 objects costs as much as on one, so the score does not collapse in
 * big clusters; one critical problem costs 15 points, ten warnings about 26. Pure.
 */
public final class Score {

    private Score() {}

    /** The score of the given (already filtered: acknowledged findings removed) findings. */
    public static int of(Collection<Finding> findings) {
        Set<String> failing = new HashSet<>();
        double score = 100;
        for (Finding f : findings) {
            if (failing.add(f.checkId())) {
                score *= f.severity().factor();
            }
        }
        return (int) Math.round(score);
    }
}
