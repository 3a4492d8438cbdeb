package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/app/report"
	"transitionhelper/platform"
)

// rootCertificates are the Kaspersky root certificates of the scan steps 2
// and 4 show (step 4's "Scan again" replaces it).
func (u *App) rootCertificates() []platform.Certificate {
	rec := u.state.Scan
	if rec == nil {
		return nil
	}
	var out []platform.Certificate
	for _, f := range rec.Findings {
		if f.Component == catalog.ComponentRootCertificate {
			out = append(out, f.Certificates...)
		}
	}
	return out
}

// onlyCertificatesLeft: every Kaspersky finding is a root certificate.
func onlyCertificatesLeft(fs []detect.Finding) bool {
	seen := false
	for _, f := range fs {
		if f.Role != catalog.RoleRemove {
			continue
		}
		if f.Component != catalog.ComponentRootCertificate {
			return false
		}
		seen = true
	}
	return seen
}

// certificateCard shows a Kaspersky root certificate: what it means in one
// sentence, where it is, how to remove it with the system's own tools, and
// the evidence behind Details. The app removes nothing itself. Card titles
// and subtitles do not wrap: the certificate's long name is in the steps.
func (u *App) certificateCard(f detect.Finding, kasperskyActive bool) *widget.Card {
	meaning := lang.X("found.meaning-certificate", "Kaspersky added this certificate to check secure (HTTPS) connections; nobody keeps it up to date now, so it is best removed.")
	if kasperskyActive {
		meaning = lang.X("found.meaning-certificate-active", "Kaspersky added this certificate to check secure (HTTPS) connections; if it is still here after Kaspersky is removed, remove it too.")
	}
	content := container.NewVBox(paragraph(meaning))
	var stores []string
	for _, c := range f.Certificates {
		if s := certificateStore(c.Store); !slices.Contains(stores, s) {
			stores = append(stores, s)
			content.Add(paragraph(s))
		}
	}
	how := container.NewVBox()
	for _, c := range f.Certificates {
		l := paragraph(certificateHow(c))
		u.Found.CertificateHow = append(u.Found.CertificateHow, l)
		how.Add(l)
	}
	firefox := paragraph(lang.X("found.certificate-firefox", "Firefox keeps its own list of certificates, which this app does not check. In Firefox, open Settings, then Privacy & Security, then Certificates, View Certificates, Authorities, and delete any Kaspersky certificate there."))
	u.Found.CertificateHow = append(u.Found.CertificateHow, firefox)
	how.Add(firefox)

	var ev []string
	for _, e := range f.Evidence {
		ev = append(ev, "• "+report.LongText(e.String()))
	}
	details := widget.NewLabel(strings.Join(ev, "\n"))
	details.Wrapping = fyne.TextWrapWord
	details.TextStyle = fyne.TextStyle{Monospace: true}
	content.Add(newExpander(lang.X("remove.how", "How to remove it"), how).Box)
	content.Add(newExpander(lang.X("ui.details", "Details"), details).Box)
	return widget.NewCard(lang.X("found.certificate-title", "Kaspersky root certificate"), report.FindingStateText(f, Translate), content)
}

// certificateStore says where a certificate is, in the user's words.
func certificateStore(store string) string {
	switch store {
	case platform.StoreMachineRoot:
		return lang.X("found.certificate-store-machine", "It is among this computer's trusted root certificates, for every user.")
	case platform.StoreUserRoot:
		return lang.X("found.certificate-store-user", "It is among your user account's trusted root certificates.")
	}
	return lang.X("found.certificate-store-mac", "It is in the System keychain.")
}

// certificateHow says, in numbered steps, how to remove one certificate
// with the system's own certificate tool.
func certificateHow(c platform.Certificate) string {
	data := map[string]any{"Name": report.Name(c.SubjectCN), "Thumbprint": c.SHA1}
	switch c.Store {
	case platform.StoreMachineRoot:
		return lang.X("found.certificate-how-machine", "1. Press the Windows key and R together, type certlm.msc and press Enter. This needs an administrator: Windows asks for permission.\n2. Open Trusted Root Certification Authorities, then Certificates.\n3. Find \"{{.Name}}\" in the Issued To column, select it and press Delete, then choose Yes.\nTo tell it apart, its thumbprint (on the certificate's Details tab) is {{.Thumbprint}}.", data)
	case platform.StoreUserRoot:
		return lang.X("found.certificate-how-user", "1. Press the Windows key and R together, type certmgr.msc and press Enter.\n2. Open Trusted Root Certification Authorities, then Certificates.\n3. Find \"{{.Name}}\" in the Issued To column, select it and press Delete, then choose Yes.\nTo tell it apart, its thumbprint (on the certificate's Details tab) is {{.Thumbprint}}.", data)
	}
	return lang.X("found.certificate-how-mac", "1. Open Keychain Access (in Applications, then Utilities).\n2. Choose the System keychain, then Certificates.\n3. Find \"{{.Name}}\", select it and press Delete. Enter your Mac's password when asked.\nTo tell it apart, its SHA-1 fingerprint is {{.Thumbprint}}.", data)
}

// certificatesLeft is step 4's line on root certificates, only when the
// scan found one: that it is still here, that it is best removed, and how.
func (u *App) certificatesLeft() fyne.CanvasObject {
	certs := u.rootCertificates()
	if len(certs) == 0 {
		return nil
	}
	u.Remove.CertificateLeft = paragraph(lang.X("remove.left-certificate-found",
		"Kaspersky's root certificate \"{{.Name}}\" is still on this computer. A root certificate that nobody maintains is best removed, with your system's own certificate tool.",
		map[string]any{"Name": report.Name(certs[0].SubjectCN)}))
	how := container.NewVBox()
	for _, c := range certs {
		how.Add(paragraph(certificateHow(c)))
	}
	return container.NewVBox(u.Remove.CertificateLeft,
		newExpander(lang.X("remove.left-certificate-how", "How to remove the certificate"), how).Box)
}
