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
		return JSONReport{}, fmt.Errorf("%w: schema %q, want %q", ErrSchema, Clean(head.Schema), Schema)
	}
	var rep JSONReport
	if err := json.Unmarshal(data, &rep); err != nil {
		return JSONReport{}, fmt.Errorf("%w: %w", ErrNotJSON, err)
	}
	if !rep.State.Valid() {
		return JSONReport{}, fmt.Errorf("%w: version %d, step %d of %d reached, region %q", ErrBadState,
			rep.State.Version, rep.State.Step, rep.State.Reached, Clean(string(rep.State.Region)))
	}
	if _, err := Decode(rep.Code); err != nil {
		return JSONReport{}, fmt.Errorf("%w: status code %q: %w", ErrBadState, Clean(rep.Code), err)
	}
	return rep, nil
}
