// IPASNReports: the use cases both front ends share (figures, plans, activity, progress).
// The CLI and the workstation call this module; neither computes a figure of its own.
