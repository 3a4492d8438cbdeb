// Package wizard is the window's step machine, with no widgets in it: the
// seven numbered steps, which apply, where Next and Back go, and where the
// computer stands (the one next action). It moves over progress.State; the
// command line does not use it.
package wizard

import (
	"slices"

	"transitionhelper/app/progress"
	"transitionhelper/app/region"
)

// Reason says why a step does not apply; "" when it does.
type Reason string

// Reasons a step does not apply.
const (
	ReasonNone        Reason = ""
	ReasonNotChecked  Reason = "not-checked"  // no scan yet
	ReasonNoKaspersky Reason = "no-kaspersky" // nothing to save or remove
)

// Applies tells whether step applies now, and if not, why.
func Applies(s progress.State, step progress.Step) Reason {
	if step > progress.StepStart && s.Scan == nil {
		return ReasonNotChecked
	}
	// Once Kaspersky was found, steps 3 and 4 stay, removed products included.
	if (step == progress.StepSave || step == progress.StepRemove) && !s.Scan.Summary().KasperskyActive && len(s.Gone) == 0 {
		return ReasonNoKaspersky
	}
	return ReasonNone
}

// NextStep is where Next goes from the current step: past the steps that do
// not apply. With nothing found, step 2 goes on to step 6; with UltraAV but
// no Kaspersky, to step 5.
func NextStep(s progress.State) progress.Step {
	switch s.Step {
	case progress.StepStart:
		if s.Scan == nil {
			return progress.StepStart
		}
		return progress.StepFound
	case progress.StepFound:
		sum := s.Scan.Summary()
		switch {
		case sum.KasperskyActive:
			return progress.StepSave
		case sum.UltraAV:
			return progress.StepChoose
		}
		return progress.StepVerify
	case progress.StepDone:
		return progress.StepDone
	}
	return s.Step + 1
}

// Next moves on and returns the new state.
func Next(s progress.State) progress.State {
	return s.At(NextStep(s))
}

// Back returns to the step before, if there is one.
func Back(s progress.State) progress.State {
	if s.Step > progress.StepStart {
		s.Step--
	}
	return s
}

// CanGo reports whether the user may open step from the list on the left:
// any of the seven. A step that needs something first (a scan, a
// Kaspersky product) says so in place (Applies).
func CanGo(step progress.Step) bool {
	return step >= progress.StepStart && step <= progress.StepDone
}

// Go opens step; a number outside the seven is refused.
func Go(s progress.State, step progress.Step) progress.State {
	if !CanGo(step) {
		return s
	}
	return s.At(step)
}

// Standing is where the computer stands on the latest scan, told the same
// way in steps 2, 6 and 7 and in the reports: what is left to do, and the
// one step to go to next.
type Standing struct {
	// Scanned: a scan was made.
	Scanned bool
	// KasperskyLeft: a Kaspersky product is still installed.
	KasperskyLeft bool
	// RestartPending: an uninstaller asked for a restart.
	RestartPending bool
	// Protected: security software other than Kaspersky is switched on
	// (or, outside the U.S., Kaspersky itself, which may still get updates).
	Protected bool
	// OnlyKaspersky: nothing protects the computer but a Kaspersky that
	// gets no updates (in the U.S.).
	OnlyKaspersky bool
	// Next is the one step to go to next; StepDone once nothing is left.
	Next progress.Step
}

// Finished reports whether nothing is left to do: Kaspersky is gone (or,
// outside the U.S., kept by choice) and something protects the computer.
func (st Standing) Finished() bool { return st.Next == progress.StepDone }

// StandingOf says where the computer stands and what comes next.
func StandingOf(s progress.State) Standing {
	rec := s.Latest()
	st := Standing{Scanned: rec != nil}
	if rec == nil {
		st.Next = progress.StepStart
		return st
	}
	st.KasperskyLeft = rec.Summary().KasperskyActive
	for _, r := range s.RemovalRows() {
		st.RestartPending = st.RestartPending || r.State == progress.RestartNeeded
	}
	p := s.Protection()
	st.Protected, st.OnlyKaspersky = p.Protected, p.OnlyKaspersky
	switch {
	case st.RestartPending:
		st.Next = progress.StepRemove
	case st.KasperskyLeft && s.Region == region.US && slices.Contains(s.Checklist(), progress.SavePasswords) && !s.Ticks[progress.SavePasswords]:
		st.Next = progress.StepSave
	case st.KasperskyLeft && s.Region == region.US:
		st.Next = progress.StepRemove
	case !st.Protected:
		st.Next = progress.StepVerify
	default:
		st.Next = progress.StepDone
	}
	return st
}
