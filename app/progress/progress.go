// Package progress is the user's progress as the app saves it, with no
// widgets and no navigation in it: the scans, the ticks of what was saved
// (step 3), each product's removal state (step 4), the answers of step 5,
// and the store that keeps it on disk. Both doors read and write it; the
// window's step machine (package wizard) moves over it.
package progress

import (
	"fmt"
	"slices"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/region"
	"transitionhelper/platform"
)

// Step numbers never change: support staff say "go to step 3".
type Step int

// The steps.
const (
	StepStart  Step = 1 // what happened, the countdown, "Scan this computer"
	StepFound  Step = 2 // what we found
	StepSave   Step = 3 // save what you'd lose
	StepRemove Step = 4 // remove Kaspersky
	StepChoose Step = 5 // choose new protection
	StepVerify Step = 6 // check you're protected
	StepDone   Step = 7 // where the computer stands, the next step until finished, the report
)

// Steps lists them in order.
var Steps = []Step{StepStart, StepFound, StepSave, StepRemove, StepChoose, StepVerify, StepDone}

// Name returns the step's translation key and English name, for the
// screens, the reports and the code decoder alike.
func (s Step) Name() (key, english string) {
	names := [...]string{"Start", "What we found", "Save what you'd lose", "Remove Kaspersky",
		"Choose new protection", "Check you're protected", "Finish"}
	if s < StepStart || s > StepDone {
		return "step.unknown", "Unknown step"
	}
	return fmt.Sprintf("step.%d", int(s)), names[s-1]
}

// RemovalState is where one product is in step 4.
type RemovalState string

// Removal states.
const (
	ToRemove RemovalState = "to-remove"
	// ByHand: to remove, but its uninstaller cannot be started from here
	// (ScanRecord.ByHand); the user removes it in the system's settings.
	ByHand        RemovalState = "by-hand"
	Removing      RemovalState = "removing"
	RestartNeeded RemovalState = "restart-needed"
	Removed       RemovalState = "removed"
)

// Checklist item ids of step 3, in the order shown.
const (
	SavePasswords  = "passwords"
	SaveLicence    = "licence"
	SaveQuarantine = "quarantine"
	SaveVPN        = "vpn"
	SaveSafeKids   = "safe-kids"
)

// ScanRecord is one scan as the wizard keeps it.
type ScanRecord struct {
	At       time.Time        `json:"at"`
	OS       platform.OSInfo  `json:"os"`
	Complete bool             `json:"complete"`
	Findings []detect.Finding `json:"findings"`
	// OSSupport is set when the system itself gets no more security
	// updates (Windows 10 since October 2025).
	OSSupport *detect.OSSupport `json:"osSupport,omitempty"`
	// ByHand names the Kaspersky products whose uninstaller the app will
	// not start (an entry only the user's account wrote, a program outside
	// the protected folders, nothing recorded), each with why, in English
	// for support staff: the user removes them in the system's settings.
	ByHand map[string]string `json:"byHand,omitempty"`
}

// Summary condenses the record's findings.
func (r *ScanRecord) Summary() detect.Summary {
	if r == nil {
		return detect.Summary{}
	}
	return detect.Summarize(r.Findings)
}

// State is the user's progress; it is saved after every change.
type State struct {
	Version      int             `json:"version"`
	Step         Step            `json:"step"`
	Reached      Step            `json:"reached"`
	Region       region.Region   `json:"region"`
	RegionChosen bool            `json:"regionChosen,omitempty"`
	Scan         *ScanRecord     `json:"scan,omitempty"`
	Verify       *ScanRecord     `json:"verify,omitempty"`
	Ticks        map[string]bool `json:"ticks,omitempty"`
	// PasswordFiles are the files holding passwords in plain text that
	// the app was given (Kaspersky Password Manager's export) or made (its
	// CSV for the new manager): paths only, never their contents, so step
	// 7 can remind to delete them without searching the user's folders.
	PasswordFiles []string                `json:"passwordFiles,omitempty"`
	Removal       map[string]RemovalState `json:"removal,omitempty"`
	// Gone lists Kaspersky products an earlier scan found and a later one did not.
	Gone []detect.Finding `json:"gone,omitempty"`
	// Needs are the answers of step 5, once the user changed them.
	Needs *Needs `json:"needs,omitempty"`
}

// StateVersion is the format of State this package writes.
const StateVersion = 1

// New is a fresh start at step 1, in the given region.
func New(r region.Region) State {
	return State{Version: StateVersion, Step: StepStart, Reached: StepStart, Region: r}
}

// Valid reports whether a loaded state can be used as it is.
func (s State) Valid() bool {
	return s.Version == StateVersion && s.Step >= StepStart && s.Step <= StepDone &&
		s.Reached >= s.Step && s.Reached <= StepDone && (s.Region == region.US || s.Region == region.Other)
}

// At records that the user is at step, and has reached it.
func (s State) At(step Step) State {
	s.Step = step
	if step > s.Reached {
		s.Reached = step
	}
	return s
}

// WithScan records the scan of step 1 (or a re-scan); from step 1 it
// moves on to step 2.
// Products no longer found are marked removed; the others keep their state.
func (s State) WithScan(rec ScanRecord) State {
	old := s.Removal
	var before []detect.Finding
	if s.Scan != nil {
		before = s.Scan.Findings
	}
	s.Scan = &rec
	s.Removal = map[string]RemovalState{}
	for _, f := range rec.Findings {
		if f.Role == catalog.RoleRemove && f.State != detect.StateLeftover {
			st := old[f.ProductID]
			// Still here: not removed, and no uninstaller runs across a scan.
			if st == "" || st == Removed || st == Removing {
				st = ToRemove
			}
			s.Removal[f.ProductID] = st
		}
	}
	gone := slices.Clone(s.Gone)
	for _, f := range before {
		if _, tracked := old[f.ProductID]; !tracked {
			continue
		}
		if _, still := s.Removal[f.ProductID]; !still && !slices.ContainsFunc(gone, func(g detect.Finding) bool { return g.ProductID == f.ProductID }) {
			gone = append(gone, f)
		}
	}
	// A product found again is not gone.
	gone = slices.DeleteFunc(gone, func(g detect.Finding) bool { _, back := s.Removal[g.ProductID]; return back })
	s.Gone = gone
	if s.Step == StepStart {
		return s.At(StepFound)
	}
	return s
}

// Latest is the scan that says where the computer stands now: the
// re-check of step 6 if there is one, else the scan of step 1 (or of a
// removal's re-check); nil before any.
func (s State) Latest() *ScanRecord {
	if s.Verify != nil {
		return s.Verify
	}
	return s.Scan
}

// WithVerify records the re-scan of step 6.
func (s State) WithVerify(rec ScanRecord) State {
	s.Verify = &rec
	return s
}

// WithRegion sets the region the user chose.
func (s State) WithRegion(r region.Region) State {
	s.Region, s.RegionChosen = r, true
	return s
}

// WithPasswordFiles sets the plain-text password files the app knows of.
func (s State) WithPasswordFiles(paths []string) State {
	s.PasswordFiles = slices.Clone(paths)
	return s
}

// WithTick ticks or unticks a checklist item.
func (s State) WithTick(id string, done bool) State {
	ticks := make(map[string]bool, len(s.Ticks)+1)
	for k, v := range s.Ticks {
		ticks[k] = v
	}
	if done {
		ticks[id] = true
	} else {
		delete(ticks, id)
	}
	s.Ticks = ticks
	return s
}

// WithRemoval sets one product's removal state.
func (s State) WithRemoval(productID string, st RemovalState) State {
	m := make(map[string]RemovalState, len(s.Removal))
	for k, v := range s.Removal {
		m[k] = v
	}
	m[productID] = st
	s.Removal = m
	return s
}

// Resuming reports whether a removal was under way when the app last
// closed (a restart was needed, or the app was closed while an uninstaller
// ran): the app then opens at step 4 and checks again.
func (s State) Resuming() bool {
	for _, st := range s.Removal {
		if st == RestartNeeded || st == Removing {
			return true
		}
	}
	return false
}

// Checklist lists what to save before removal, from what was found: only
// what applies to the products on this computer. The Password Manager's
// passwords, the VPN and Safe Kids' rules are listed when those apps were
// found (a suite's licence includes them, but only the app holds the data).
func (s State) Checklist() []string {
	if s.Scan == nil {
		return nil
	}
	var items []string
	// What was found first counts, even once it is removed: the list stays put.
	for _, f := range append(slices.Clone(s.Scan.Findings), s.Gone...) {
		for _, id := range ItemsFor(f) {
			if !slices.Contains(items, id) {
				items = append(items, id)
			}
		}
	}
	slices.SortFunc(items, func(a, b string) int { return slices.Index(saveOrder, a) - slices.Index(saveOrder, b) })
	return items
}

// saveOrder is the order of step 3: passwords first, losing them hurts most.
var saveOrder = []string{SavePasswords, SaveLicence, SaveQuarantine, SaveVPN, SaveSafeKids}

// ItemsFor lists what removing f would lose, in step 3's order; nothing for
// a product that is not Kaspersky's or only left files behind.
func ItemsFor(f detect.Finding) []string {
	if f.Role != catalog.RoleRemove || f.State == detect.StateLeftover {
		return nil
	}
	var items []string
	if f.Component == catalog.ComponentPasswordManager {
		items = append(items, SavePasswords)
	}
	items = append(items, SaveLicence)
	if f.Component == catalog.ComponentAntivirus {
		items = append(items, SaveQuarantine)
	}
	if f.Component == catalog.ComponentVPN {
		items = append(items, SaveVPN)
	}
	if f.Component == catalog.ComponentParentalControls {
		items = append(items, SaveSafeKids)
	}
	return items
}

// Unsaved lists the data that removing the product deletes for good and
// step 3 does not have ticked yet, passwords first: the passwords, the
// quarantined files, Safe Kids' rules. (The licence and the VPN
// subscription live on in the My Kaspersky account: step 3 lists them as
// notes, and they do not hold a removal up.)
func (s State) Unsaved(productID string) []string {
	if s.Scan == nil {
		return nil
	}
	var out []string
	for _, f := range s.Scan.Findings {
		if f.ProductID != productID {
			continue
		}
		for _, id := range ItemsFor(f) {
			if id == SaveLicence || id == SaveVPN {
				continue
			}
			if !s.Ticks[id] && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// RemovalRow is one product of step 4.
type RemovalRow struct {
	Finding detect.Finding
	State   RemovalState
}

// RemovalRows lists the Kaspersky products to remove with their state; a
// product removed since the first scan stays listed as removed.
func (s State) RemovalRows() []RemovalRow {
	if s.Scan == nil {
		return nil
	}
	var rows []RemovalRow
	seen := map[string]bool{}
	for _, f := range s.Scan.Findings {
		if st, ok := s.Removal[f.ProductID]; ok && !seen[f.ProductID] {
			seen[f.ProductID] = true
			if _, byHand := s.Scan.ByHand[f.ProductID]; byHand && st == ToRemove {
				st = ByHand
			}
			rows = append(rows, RemovalRow{Finding: f, State: st})
		}
	}
	for _, f := range s.Gone {
		rows = append(rows, RemovalRow{Finding: f, State: Removed})
	}
	return rows
}

// Protection is the one verdict on what protects the computer on the
// latest scan (detect.ProtectionOf), where Kaspersky counts outside the
// U.S., where it may still get updates.
func (s State) Protection() detect.Protection {
	rec := s.Latest()
	if rec == nil {
		return detect.Protection{}
	}
	return detect.ProtectionOf(rec.Findings, s.Region != region.US)
}
