package uk.safeguarding.cyclefixture.left;

import uk.safeguarding.cyclefixture.right.Right;

/** Fixture for PackageCyclesTest: left and right use each other, a package cycle the rule must refuse. */
public class Left {
    Right right;
}
