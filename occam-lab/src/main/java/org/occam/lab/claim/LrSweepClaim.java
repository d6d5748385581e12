package org.occam.lab.claim;

/**
 * One claim of METHODS §11 (EOS-1, DAL-1, CLR-1, COR-1) next to what a reproduction observed, and
 * whether the observation agrees with it; shared by {@link EosSweep}, {@link DalSweep} and
 * {@link ClrSweep}.
 *
 * @param id         the check and the run, e.g. "EOS-1 h=0.6"
 * @param claim      what the paper (or METHODS) expects
 * @param observed   the observed numbers, in words
 * @param checked    false for a reported observation the claim does not decide (e.g. "which p is
 *                   best is uncertain")
 * @param consistent whether the observation agrees with the claim (false when not checked)
 */
public record LrSweepClaim(String id, String claim, String observed, boolean checked, boolean consistent) {

    /** A checked claim. */
    public LrSweepClaim(String id, String claim, String observed, boolean consistent) {
        this(id, claim, observed, true, consistent);
    }

    /** An observation reported next to a claim that does not decide it. */
    public static LrSweepClaim info(String id, String claim, String observed) {
        return new LrSweepClaim(id, claim, observed, false, false);
    }

    /** The verdict: consistent, NOT consistent, or info. */
    public String verdict() {
        return !checked ? "info" : consistent ? "consistent" : "NOT consistent";
    }

    /** One line: "id: observed   claim: ...   [consistent]". */
    public String describe() {
        return id + ": " + observed + "   claim: " + claim + "   [" + verdict() + "]";
    }
}
