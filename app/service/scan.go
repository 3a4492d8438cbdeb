package service

import (
	"context"
	"time"

	"transitionhelper/app/detect"
	"transitionhelper/app/progress"
	"transitionhelper/app/region"
	"transitionhelper/app/removal"
	"transitionhelper/platform"
)

// Result is one scan matched against the catalog.
type Result struct {
	At       time.Time
	Snapshot *platform.Snapshot
	Findings []detect.Finding
	Summary  detect.Summary
	// OSSupport is set when the system itself gets no more security updates.
	OSSupport *detect.OSSupport
	// FactsChecked is the day of the oldest dated fact of the catalog the
	// scan was judged with (catalog.FactsChecked).
	FactsChecked string
	// ByHand names the products to remove whose uninstaller the app will
	// not start, with why (progress.ScanRecord.ByHand).
	ByHand map[string]string
}

// Scan reads the computer and matches what it saw against the catalog. It
// fails only when ctx is cancelled; a probe that fails leaves its error in
// the snapshot and the others' results stand.
func (s *Service) Scan(ctx context.Context) (*Result, error) {
	snap := s.pc.Scan(ctx, s.scanOptions())
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return s.Analyze(snap), nil
}

// Analyze matches a snapshot against the catalog, at the service's clock.
func (s *Service) Analyze(snap *platform.Snapshot) *Result {
	fs := detect.Match(s.cat, snap)
	now := s.pc.Now()
	return &Result{At: now, Snapshot: snap, Findings: fs, Summary: detect.Summarize(fs), OSSupport: detect.SupportOf(snap.OS, s.cat, now), FactsChecked: s.cat.FactsChecked()}
}

// CheckStarts records in r which uninstallers the app will not start, by
// the plan alone (no program is opened: the start checks the signature
// again), so "Remove all" never promises more than it starts. A plan can
// ask the system (Windows Installer, an apt simulation, a Mac app's
// signature), so only the window's scans and the re-scan after a removal
// pay for it, never `scan`.
func (s *Service) CheckStarts(r *Result) {
	r.ByHand = nil
	for _, f := range Removable(r.Findings, nil) {
		if _, err := removal.PlanFor(s.cat, f, s.pc); err != nil {
			if r.ByHand == nil {
				r.ByHand = map[string]string{}
			}
			r.ByHand[f.ProductID] = err.Error()
		}
	}
}

// Record is the result as the guided app keeps it.
func (r *Result) Record() progress.ScanRecord {
	return progress.ScanRecord{At: r.At, OS: r.Snapshot.OS, Complete: r.Complete(), Findings: r.Findings, OSSupport: r.OSSupport, ByHand: r.ByHand}
}

// Complete reports whether every check finished and every process was read.
func (r *Result) Complete() bool {
	return r.Snapshot.Complete() && r.Snapshot.DeniedProcesses() == 0
}

// GuessRegion guesses from this computer's time zone and language whether
// the U.S. rules apply; the user can change it.
func (s *Service) GuessRegion() region.Region { return region.Guess(s.pc.RegionHints()) }
