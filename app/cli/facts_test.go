package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// TestFactsCommand: every dated fact, oldest first, each with its day and
// page; --older-than keeps only the older ones and says so with exit 1,
// exit 0 when none is, 2 for a bad number.
func TestFactsCommand(t *testing.T) {
	run := func(now time.Time, args ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		code := Run(context.Background(), append([]string{"facts"}, args...), Env{
			Stdout: &out, Stderr: &errOut, AppName: "transition-helper", Version: "test",
			Service: thisComputer(t), Now: func() time.Time { return now },
		})
		return out.String(), errOut.String(), code
	}
	day := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	out, _, code := run(day)
	if code != ExitOK {
		t.Fatalf("facts: exit %d", code)
	}
	var days []string
	for _, line := range strings.Split(out, "\n") {
		if len(line) > 10 && line[4] == '-' && line[7] == '-' {
			days = append(days, line[:10])
		}
	}
	if len(days) < 20 || !strings.Contains(out, "milestone windows10-esu-end\n  2027-10-12: ") || !strings.Contains(out, "\n  https://") {
		t.Fatalf("facts printed %d dated facts:\n%s", len(days), out)
	}
	for i := 1; i < len(days); i++ {
		if days[i] < days[i-1] {
			t.Errorf("not oldest first: %s after %s", days[i], days[i-1])
		}
	}
	// A year on, every fact is older than 180 days.
	out, errOut, code := run(day.AddDate(1, 0, 0), "--older-than", "180")
	if code != ExitFound || strings.Count(out, "\n  https://") != len(days) || !strings.Contains(errOut, "read their pages again") {
		t.Errorf("a year on: exit %d, %d facts listed of %d; %s", code, strings.Count(out, "\n  https://"), len(days), errOut)
	}
	// The day after the check, none is.
	out, errOut, code = run(day, "--older-than", "180")
	if code != ExitOK || out != "" || !strings.Contains(errOut, "No fact was checked more than 180 days ago") {
		t.Errorf("the day after: exit %d, out %q, %s", code, out, errOut)
	}
	for _, bad := range [][]string{{"--older-than", "soon"}, {"--older-than", "-3"}, {"--newer"}, {"extra"}} {
		if _, _, code := run(day, bad...); code != ExitUsage {
			t.Errorf("facts %q: exit %d, want %d", bad, code, ExitUsage)
		}
	}
}
