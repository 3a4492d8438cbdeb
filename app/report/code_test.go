package report

import (
	"errors"
	"strings"
	"testing"
)

func TestRoundTripAllFlagCombinations(t *testing.T) {
	for flags := Flag(0); flags < 1<<flagCount; flags++ {
		for _, st := range []Status{
			{Major: 0, Minor: 1, Patch: 0, OS: OSWindows, US: true, Step: 1, Flags: flags},
			{Major: 7, Minor: 63, Patch: 31, OS: OSLinux, US: false, Step: 7, Flags: flags},
		} {
			code := Encode(st)
			got, err := Decode(code)
			if err != nil || got != st {
				t.Fatalf("Decode(Encode(%+v)) = %+v, %v (code %s)", st, got, err, code)
			}
		}
	}
}

func TestCodeShape(t *testing.T) {
	code := Encode(Status{Major: 0, Minor: 1, OS: OSMac, US: true, Step: 3, Flags: FlagKasperskyInstalled | FlagPasswordManager})
	if len(code) != len("KTH-XXXX-XXXX") || !strings.HasPrefix(code, "KTH-") || code[8] != '-' {
		t.Fatalf("code %q", code)
	}
	for _, c := range code[4:] {
		if c != '-' && !strings.ContainsRune(Alphabet, c) {
			t.Errorf("%q has %q, not in Crockford's alphabet", code, c)
		}
	}
	if strings.ContainsAny(code[4:], "ILOU") {
		t.Errorf("%q uses a letter Crockford leaves out", code)
	}
}

// Every single wrong character and every swap of neighbours is caught.
func TestCheckCatchesEveryTypoAndSwap(t *testing.T) {
	codes := []string{}
	for flags := Flag(0); flags < 1<<flagCount; flags += 37 {
		for step := 1; step <= 7; step++ {
			codes = append(codes, Encode(Status{Major: 1, Minor: step * 5, Patch: step, OS: step % 4, US: step%2 == 0, Step: step, Flags: flags}))
		}
	}
	for _, code := range codes {
		if _, err := Decode(code); err != nil {
			t.Fatalf("%s itself does not decode: %v", code, err)
		}
		raw := strings.ReplaceAll(strings.TrimPrefix(code, "KTH-"), "-", "")
		for i := range raw {
			for _, c := range Alphabet {
				if byte(c) == raw[i] {
					continue
				}
				typo := raw[:i] + string(c) + raw[i+1:]
				if _, err := Decode(typo); err == nil {
					t.Fatalf("%s with %c at %d (%s) was accepted", code, c, i, typo)
				}
			}
			if i+1 < len(raw) && raw[i] != raw[i+1] {
				swapped := raw[:i] + string(raw[i+1]) + string(raw[i]) + raw[i+2:]
				if _, err := Decode(swapped); err == nil {
					t.Fatalf("%s with %d and %d swapped (%s) was accepted", code, i, i+1, swapped)
				}
			}
		}
	}
}

func TestDecodeForgiving(t *testing.T) {
	st := Status{Major: 0, Minor: 1, OS: OSWindows, US: true, Step: 4, Flags: FlagKasperskyRunning | FlagKasperskyInstalled | FlagPasswordProtected}
	code := Encode(st)
	raw := strings.ReplaceAll(strings.TrimPrefix(code, "KTH-"), "-", "")
	for _, in := range []string{
		code, strings.ToLower(code), raw, strings.ToLower(raw[:4]) + " " + raw[4:],
		" kth " + raw[:4] + "-" + raw[4:] + " ",
		strings.NewReplacer("0", "o", "1", "l").Replace(code),
	} {
		got, err := Decode(in)
		if err != nil || got != st {
			t.Errorf("Decode(%q) = %+v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "KTH", "KTH-1234", raw + "0", "KTH-" + raw[:7] + "U", "héllo wörld", "KTH-!!!!-!!!!"} {
		if _, err := Decode(in); !errors.Is(err, ErrBadCode) {
			t.Errorf("Decode(%q) = %v, want ErrBadCode", in, err)
		}
	}
}

func TestParseVersion(t *testing.T) {
	for in, want := range map[string][3]int{"0.1.0": {0, 1, 0}, "v1.2.3": {1, 2, 3}, "2.10.4-dev": {2, 10, 4}, "dev": {0, 0, 0}, "9.99.99": {7, 63, 31}, "1.2": {1, 2, 0}} {
		a, b, c := ParseVersion(in)
		if [3]int{a, b, c} != want {
			t.Errorf("ParseVersion(%q) = %d.%d.%d", in, a, b, c)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(Encode(Status{Minor: 1, OS: OSWindows, US: true, Step: 2, Flags: FlagUltraAV}))
	f.Add("kth 0000 0000")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		st, err := Decode(in)
		if err != nil {
			if !errors.Is(err, ErrBadCode) {
				t.Fatalf("error %v is not ErrBadCode", err)
			}
			return
		}
		// A code that decodes re-encodes to itself.
		again, err := Decode(Encode(st))
		if err != nil || again != st {
			t.Fatalf("%q decoded to %+v, which does not round-trip", in, st)
		}
	})
}
