"""The benchmark suite: synthetic courses, timed builds and budgets (`make bench`, not part of `make test`)."""
