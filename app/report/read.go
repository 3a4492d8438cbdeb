package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// MaxJSONSize is the largest JSON report read: a real one is a few tens of
// kilobytes; anything larger was not written by the app.
const MaxJSONSize = 5 << 20

// Why a JSON report cannot be read; ReadJSON wraps one of them.
var (
	// ErrTooLarge: the file is larger than MaxJSONSize.
	ErrTooLarge = errors.New("the file is too large to be a report")
	// ErrNotJSON: the file is not JSON, or is cut short.
	ErrNotJSON = errors.New("the file is not a complete JSON report")
	// ErrSchema: JSON, but not a transitionhelper.report/1 report.
	ErrSchema = errors.New("the file is not a Kaspersky Transition Helper report")
	// ErrBadState: the report's progress makes no sense (step, region, code).
	ErrBadState = errors.New("the report's progress cannot be shown")
)

// ReadJSON reads and checks a JSON report (schema transitionhelper.report/1,
// docs/report-json.md) as the caller view and `open-report` use it: at most
// MaxJSONSize bytes, one complete JSON object of this schema, a progress
// state that is valid and a status code that decodes. It never panics on
// any input.
func ReadJSON(r io.Reader) (JSONReport, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxJSONSize+1))
	if err != nil {
		return JSONReport{}, fmt.Errorf("%w: %w", ErrNotJSON, err)
	}
	if len(data) > MaxJSONSize {
		return JSONReport{}, fmt.Errorf("%w: more than %d MiB", ErrTooLarge, MaxJSONSize>>20)
	}
	// The schema first, so a foreign JSON file is named as such rather than
	// by whichever field of ours it happens to miss.
	var head struct {
		Schema string `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return JSONReport{}, fmt.Errorf("%w: %w", ErrNotJSON, err)
	}
	if head.Schema != Schema {
		return JSONReport{}, fmt.Errorf("%w: schema %q, want %q", ErrSchema, Name(head.Schema), Schema)
	}
	var rep JSONReport
	if err := json.Unmarshal(data, &rep); err != nil {
		return JSONReport{}, fmt.Errorf("%w: %w", ErrNotJSON, err)
	}
	if !rep.State.Valid() {
		return JSONReport{}, fmt.Errorf("%w: version %d, step %d of %d reached, region %q", ErrBadState,
			rep.State.Version, rep.State.Step, rep.State.Reached, Name(string(rep.State.Region)))
	}
	if _, err := Decode(rep.Code); err != nil {
		return JSONReport{}, fmt.Errorf("%w: status code %q: %w", ErrBadState, Name(rep.Code), err)
	}
	return rep, nil
}

// ReadErrorText says in the reader's language why a report file cannot be
// shown, the same in the window and on the command line.
func ReadErrorText(err error, t Translator) string {
	switch {
	case errors.Is(err, ErrTooLarge):
		return t("open-report.too-large", "This file is larger than 5 MiB, so it is not a report from this app.", nil)
	case errors.Is(err, ErrNotJSON):
		return t("open-report.not-json", "This file is not a complete report: it may have been cut short when it was copied or sent. Ask the caller to save the report again (step 7, JSON) and send the whole file.", nil)
	case errors.Is(err, ErrSchema):
		return t("open-report.schema", "This file is not a Kaspersky Transition Helper report. Ask the caller for the JSON report from step 7.", nil)
	case errors.Is(err, ErrBadState):
		return t("open-report.bad-state", "This report was changed or comes from another version of the app, so it cannot be shown.", nil)
	}
	return t("open-report.unreadable", "The file could not be read.", nil)
}

// OS is the system of the caller's computer, as the report's latest scan
// says; "" when it had none.
func (r JSONReport) OS() string {
	if rec := r.State.Latest(); rec != nil {
		return rec.OS.Family
	}
	return ""
}
