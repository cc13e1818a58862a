"""Every curriculum family, in a fixed order (the order is part of what a seed means)."""

from problems.curriculum.families import core, numbers, sequences

FAMILIES = core.FAMILIES + numbers.FAMILIES + sequences.FAMILIES
