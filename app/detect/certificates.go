package detect

// Root certificates: matched by their common names, always leftovers.

import (
	"slices"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

// matchCertificates reports the root certificates whose subject or issuer
// common name the signature matches. A certificate is never installed
// software: it is a leftover, whether or not its product is still here.
func (m *matcher) matchCertificates(p *catalog.Product, sig *catalog.Signature) {
	for _, c := range m.snap.Certificates {
		if !sig.Matches(c.SubjectCN) && !sig.Matches(c.IssuerCN) {
			continue
		}
		f := m.finding(p)
		if slices.ContainsFunc(f.Certificates, func(o platform.Certificate) bool { return o.SHA1 == c.SHA1 && o.Store == c.Store }) {
			continue // two signatures, one certificate
		}
		matched := c.SubjectCN
		if matched == "" {
			matched = c.Subject
		}
		where := StoreName(c.Store) + ", SHA-1 " + c.SHA1
		if !c.NotAfter.IsZero() {
			where += ", valid until " + c.NotAfter.Format("2006-01-02")
		}
		if !sig.Matches(c.SubjectCN) {
			where += ", issued by " + c.IssuerCN
		}
		m.add(p, sig, matched, where, StateLeftover)
		f.Certificates = append(f.Certificates, c)
		// The card is named as the certificate is in the store, so the
		// user finds it there.
		if len(f.Certificates) == 1 && c.SubjectCN != "" {
			f.Name = c.SubjectCN
		}
	}
}

// StoreName names a certificate store for support staff, in English.
func StoreName(store string) string {
	switch store {
	case platform.StoreMachineRoot:
		return "Windows, computer's Trusted Root Certification Authorities (certlm.msc)"
	case platform.StoreUserRoot:
		return "Windows, current user's Trusted Root Certification Authorities (certmgr.msc)"
	case platform.StoreSystemKeychain:
		return "macOS System keychain (" + platform.SystemKeychain + ")"
	}
	return store
}
