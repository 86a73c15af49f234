// Tests of the IPASNReports use cases live in this target.
