package uk.safeguarding.cyclefixture.right;

import uk.safeguarding.cyclefixture.left.Left;

/** Fixture for PackageCyclesTest: see {@link Left}. */
public class Right {
    Left left;
}
