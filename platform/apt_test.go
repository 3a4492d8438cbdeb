package platform

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseAptSimulation(t *testing.T) {
	out := []byte(`NOTE: This is only a simulation!
      apt-get needs root privileges for real execution.
Reading package lists...
Building dependency tree...
The following packages will be REMOVED:
  kesl kesl-gui klnagent64
0 upgraded, 0 newly installed, 3 to remove and 0 not upgraded.
Remv kesl-gui [12.1.0.1297]
Remv kesl [12.1.0.1297]
Remv klnagent64:amd64 [14.2.0.26967]
Remv evil;rm [1]
Remv kesl [12.1.0.1297]
`)
	if got := ParseAptSimulation(out); !slices.Equal(got, []string{"kesl-gui", "kesl", "klnagent64"}) {
		t.Errorf("got %q", got)
	}
}

func FuzzParseAptSimulation(f *testing.F) {
	f.Add([]byte("Remv kesl [1]\nRemv kesl-gui:amd64 [2]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range ParseAptSimulation(data) {
			if !debPackage.MatchString(p) {
				t.Fatalf("%q is not a package name", p)
			}
		}
	})
}

// TestSimulateAptRemoveForReal asks this machine's apt-get (make deps
// installs xauth) what removing a package would take with it.
func TestSimulateAptRemoveForReal(t *testing.T) {
	got, err := SimulateAptRemove(t.Context(), []string{"xauth"})
	if errors.Is(err, ErrUnavailable) {
		t.Skip("no apt-get here")
	}
	if err != nil {
		if strings.Contains(err.Error(), "Unable to locate package") || strings.Contains(err.Error(), "not installed") {
			t.Skip("xauth is not installed here")
		}
		t.Fatal(err)
	}
	if len(got) > 0 && !slices.Contains(got, "xauth") {
		t.Errorf("removing xauth would remove %q but not xauth", got)
	}
	if _, err := SimulateAptRemove(t.Context(), []string{"-o=APT::Get::Simulate=false"}); err == nil {
		t.Error("an option passed as a package name")
	}
}
