"""Every curriculum family, in a fixed order (the order is part of what a seed means).

`HELDOUT_FAMILIES` are the families as they were when the fixed held-out split was defined: that split cycles
through them alone, so it stays the same problems. `FAMILIES` (those families with their story phrasings, the newer
families and the multi-test variants) feed the train and story splits.
"""

from problems.curriculum.families import (
    arrays,
    core,
    formulas,
    multitests,
    numbers,
    sequences,
    stories_numbers,
    stories_sequences,
    strings,
)

HELDOUT_FAMILIES = core.FAMILIES + numbers.FAMILIES + sequences.FAMILIES
FAMILIES = (stories_numbers.FAMILIES + stories_sequences.FAMILIES + formulas.FAMILIES + arrays.FAMILIES
            + strings.FAMILIES + multitests.FAMILIES)
