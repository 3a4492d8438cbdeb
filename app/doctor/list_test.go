package doctor_test

import (
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"transitionhelper/app/doctor"
	"transitionhelper/app/doctor/doctortest"
)

// listed is the list's ids for goos, in order.
func listed(goos string) []string {
	var ids []string
	for _, k := range doctor.Checks {
		if k.On(goos) {
			ids = append(ids, k.ID)
		}
	}
	return ids
}

// TestRunFollowsTheList: on each system, Run makes the checks of the list
// for it, in the list's order, and no other (the probes as one).
func TestRunFollowsTheList(t *testing.T) {
	for goos, c := range map[string]*doctortest.Computer{"windows": doctortest.Windows(), "darwin": doctortest.Mac(), "linux": doctortest.Linux()} {
		var got []string
		for _, ch := range doctor.Run(context.Background(), c, at, nil).Checks {
			id := ch.ID
			if strings.HasPrefix(id, "probe.") {
				id = doctor.ProbeID
			}
			if len(got) == 0 || got[len(got)-1] != id {
				got = append(got, id)
			}
		}
		if want := listed(goos); !slices.Equal(got, want) {
			t.Errorf("%s: Run made\n%v\nthe list says\n%v", goos, got, want)
		}
	}
	seen := map[string]bool{}
	for _, k := range doctor.Checks {
		if k.ID == "" || k.Name == "" || seen[k.ID] {
			t.Errorf("a check with no id, no name, or an id twice: %+v", k)
		}
		seen[k.ID] = true
	}
}

// TestJSONDocNamesEveryCheck: docs/doctor-json.md's table of ids has every
// check on the list, in its order, on the systems it is made on, and no
// other.
func TestJSONDocNamesEveryCheck(t *testing.T) {
	data, err := os.ReadFile("../../docs/doctor-json.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "\n| id | systems |")
	if !ok {
		t.Fatal("docs/doctor-json.md has no table of ids (| id | systems | …)")
	}
	systems := map[string]string{"all": "", "Windows": "windows", "macOS": "darwin", "Linux": "linux"}
	id := regexp.MustCompile("`([^`]+)`")
	var got []string
	on := map[string]string{}
	for _, row := range strings.Split(table, "\n")[2:] {
		if !strings.HasPrefix(row, "|") {
			break
		}
		cells := strings.Split(row, "|")
		if len(cells) < 3 {
			t.Fatalf("a row of the table with no systems: %q", row)
		}
		system, known := systems[strings.TrimSpace(cells[2])]
		if !known {
			t.Errorf("row %q: systems %q is none of all, Windows, macOS, Linux", row, cells[2])
		}
		for _, m := range id.FindAllStringSubmatch(cells[1], -1) {
			got = append(got, m[1])
			on[m[1]] = system
		}
	}
	var want []string
	for _, k := range doctor.Checks {
		want = append(want, k.ID)
		system := strings.Join(k.Systems, ",")
		if s, ok := on[k.ID]; ok && s != system {
			t.Errorf("docs/doctor-json.md says %s is made on %q; the list says %q", k.ID, s, system)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("docs/doctor-json.md's table has the ids\n%v\nthe list (doctor.Checks) has\n%v\nmissing from the doc: %v; not on the list: %v",
			got, want, without(want, got), without(got, want))
	}
}

// without is what of a is not in b.
func without(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// TestEveryCheckIsMadeToFail: each check on the list has a case in the
// tables of TestCommonChecksFail, TestWindowsChecksFail, TestMacChecksFail
// or TestLinuxChecksFail that makes it warn or fail.
func TestEveryCheckIsMadeToFail(t *testing.T) {
	failed := map[string]bool{}
	for _, table := range [][]failCase{commonFails, windowsFails, macFails, linuxFails} {
		for _, c := range table {
			id := c.id
			if strings.HasPrefix(id, "probe.") {
				id = doctor.ProbeID
			}
			if c.want != doctor.Pass {
				failed[id] = true
			}
		}
	}
	for _, k := range doctor.Checks {
		if !failed[k.ID] {
			t.Errorf("no case makes %s warn or fail: add one to the table of its system (*_checks_test.go)", k.ID)
		}
	}
}
