// A read that runs far longer than any test's timeout: it counts a billion numbers.
UNWIND range(1, 1000000000) AS i
RETURN count(i) AS n
