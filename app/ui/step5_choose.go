package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/catalog"
)

// protectionChoices lists the catalog's protection products for goos, the
// built-in one first (Microsoft Defender on Windows).
func protectionChoices(cat *catalog.Catalog, goos string) []*catalog.Product {
	var builtin, others []*catalog.Product
	for i := range cat.Products {
		p := &cat.Products[i]
		if p.Role != catalog.RoleProtection {
			continue
		}
		for _, s := range p.Signatures {
			if s.OS == goos {
				if p.Builtin {
					builtin = append(builtin, p)
				} else {
					others = append(others, p)
				}
				break
			}
		}
	}
	return append(builtin, others...)
}

// chooseView is step 5: the protection products for this computer's system.
// The full comparison comes with the alternatives data; this lists them
// neutrally, built-in protection first.
func (u *App) chooseView() fyne.CanvasObject {
	box := container.NewVBox(paragraph(lang.X("choose.intro", "Pick one security program to replace Kaspersky. We are neutral: we earn nothing from any of them, and the links go to each company's own website.")))
	choices := protectionChoices(u.cfg.Catalog, u.osFamily())
	if len(choices) == 0 {
		box.Add(paragraph(lang.X("choose.linux", "For Linux computers, security software is chosen by your IT department. Ask them what to install instead of Kaspersky.")))
		return box
	}
	for _, p := range choices {
		u.Step.Choices = append(u.Step.Choices, p.ID)
		content := container.NewVBox()
		if p.Builtin {
			content.Add(paragraph(lang.X("choose.builtin", "Built into Windows and free. It turns itself on when no other antivirus is installed.")))
		}
		if link, err := url.Parse(p.Website); err == nil && link.Scheme == "https" {
			content.Add(widget.NewHyperlink(lang.X("choose.website", "Open the website"), link))
		}
		box.Add(widget.NewCard(p.Name, p.Vendor, content))
	}
	return box
}
