package platform

import "fmt"

// Protection states of a Security Center product, as DecodeProductState
// gives them in AVState.Protection.
const (
	ProtectionOn      = "on"      // real-time protection is running
	ProtectionOff     = "off"     // registered, but protection is turned off
	ProtectionSnoozed = "snoozed" // turned off for a while by the user
	ProtectionExpired = "expired" // the licence or subscription has run out
	ProtectionUnknown = "unknown" // a state value this program does not know
)

// AVState is a decoded Windows Security Center productState.
type AVState struct {
	// Protection is one of ProtectionOn, ProtectionOff, ProtectionSnoozed,
	// ProtectionExpired or ProtectionUnknown.
	Protection string `json:"protection"`
	// SignaturesUpToDate is false when Security Center says the product's
	// signatures are out of date.
	SignaturesUpToDate bool `json:"signaturesUpToDate"`
	// Microsoft is true for Microsoft's own products (Defender).
	Microsoft bool `json:"microsoft"`
}

// DecodeProductState decodes Security Center's productState bit fields:
// 0xF000 product state (0x0000 off, 0x1000 on, 0x2000 snoozed, 0x3000 expired),
// 0x00F0 signatures (0x00 up to date, 0x10 out of date), 0x0F00 owner (0x100 Microsoft).
func DecodeProductState(state uint32) AVState {
	s := AVState{
		SignaturesUpToDate: state&0x00F0 == 0,
		Microsoft:          state&0x0F00 == 0x0100,
	}
	switch state & 0xF000 {
	case 0x0000:
		s.Protection = ProtectionOff
	case 0x1000:
		s.Protection = ProtectionOn
	case 0x2000:
		s.Protection = ProtectionSnoozed
	case 0x3000:
		s.Protection = ProtectionExpired
	default:
		s.Protection = ProtectionUnknown
	}
	return s
}

// String gives the state in a form support staff read: "on, up to date, Microsoft".
func (s AVState) String() string {
	sig := "signatures up to date"
	if !s.SignaturesUpToDate {
		sig = "signatures out of date"
	}
	owner := "third party"
	if s.Microsoft {
		owner = "Microsoft"
	}
	return fmt.Sprintf("%s, %s, %s", s.Protection, sig, owner)
}
