package report

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"transitionhelper/app/progress"
)

func TestReadJSON(t *testing.T) {
	good, err := os.ReadFile("testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ReadJSON(bytes.NewReader(good))
	if err != nil {
		t.Fatalf("the golden report: %v", err)
	}
	if rep.Code != "KTH-80G7-3HCT" || rep.State.Step != progress.StepRemove || rep.State.Scan == nil || len(rep.State.Scan.Findings) == 0 {
		t.Fatalf("read %+v", rep)
	}
	huge := append([]byte(`{"schema":"transitionhelper.report/1","app":"`), bytes.Repeat([]byte("x"), MaxJSONSize)...)
	huge = append(huge, `"}`...)
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrNotJSON},
		{"truncated", good[:len(good)/2], ErrNotJSON},
		{"trailing garbage", append(append([]byte{}, good...), "}{"...), ErrNotJSON},
		{"not JSON", []byte("KTH-80G7-3HCT\n"), ErrNotJSON},
		{"an array", []byte(`[1,2]`), ErrNotJSON},
		{"scan --json", []byte(`{"schema":"transitionhelper.scan/1","findings":[]}`), ErrSchema},
		{"no schema", []byte(`{"name":"package.json"}`), ErrSchema},
		{"a later schema", bytes.Replace(good, []byte(`report/1"`), []byte(`report/2"`), 1), ErrSchema},
		{"oversized", huge, ErrTooLarge},
		{"step 9", bytes.Replace(good, []byte(`"step": 4`), []byte(`"step": 9`), 1), ErrBadState},
		{"no state", []byte(`{"schema":"transitionhelper.report/1","code":"KTH-80G7-3HCT"}`), ErrBadState},
		{"bad code", bytes.Replace(good, []byte(`KTH-80G7-3HCT`), []byte(`KTH-!!!!-3HCT`), 1), ErrBadState},
		{"wrong types", []byte(`{"schema":"transitionhelper.report/1","state":{"step":"four"}}`), ErrNotJSON},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadJSON(bytes.NewReader(tc.data))
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

// FuzzReadJSON: no input makes ReadJSON panic, and what it accepts is valid.
func FuzzReadJSON(f *testing.F) {
	good, err := os.ReadFile("testdata/report.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:100])
	f.Add([]byte(`{"schema":"transitionhelper.report/1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := ReadJSON(bytes.NewReader(data))
		if err == nil && (!rep.State.Valid()) {
			t.Fatalf("accepted an invalid report: %+v", rep)
		}
	})
}
