package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"transitionhelper/app/wizard"
)

// saveWidgets are step 3's widgets.
type saveWidgets struct {
	Ticks map[string]*widget.Check
}

// saveItem is one thing to save before removal, with how to do it.
type saveItem struct{ title, how string }

func saveItemText(id string) saveItem {
	switch id {
	case wizard.SavePasswords:
		return saveItem{
			lang.X("save.passwords", "Export your passwords from Kaspersky Password Manager"),
			lang.X("save.passwords-how", "1. Open Kaspersky Password Manager and unlock it with your main password.\n2. Open Settings, then Import/Export. In older versions the button is called \"Export as text\".\n3. Save the file where you will find it, such as your Documents folder.\n4. Import that file into your new password manager. Then delete the file: anyone who opens it can read your passwords.\nKaspersky's own backup file (.edb) only works with Kaspersky, so it does not help here. If you forgot your main password, the saved passwords cannot be recovered."),
		}
	case wizard.SaveLicence:
		return saveItem{
			lang.X("save.licence", "Write down your licence or subscription details"),
			lang.X("save.licence-how", "1. Open Kaspersky and look for Licence or Subscription.\n2. Write down the activation code, the end date and the email address of your My Kaspersky account.\nYou may need them to ask for a refund or to answer questions about UltraAV."),
		}
	case wizard.SaveQuarantine:
		return saveItem{
			lang.X("save.quarantine", "Check the quarantine for files you still need"),
			lang.X("save.quarantine-how", "1. Open Kaspersky, then More tools (or Tools), then Quarantine.\n2. If a file you need is there and you are sure it is safe, restore it.\nAfter Kaspersky is removed, the files in its quarantine cannot be restored. The uninstaller may also ask whether to keep them: keeping them does not make them usable elsewhere."),
		}
	case wizard.SaveVPN:
		return saveItem{
			lang.X("save.vpn", "Note your VPN subscription"),
			lang.X("save.vpn-how", "Kaspersky's VPN (Secure Connection) stops working when it is removed. If you use a VPN, write down the subscription details and plan a new VPN before you remove it."),
		}
	}
	return saveItem{
		lang.X("save.safe-kids", "Write down your Safe Kids rules"),
		lang.X("save.safe-kids-how", "Kaspersky Safe Kids rules (screen time, allowed sites and apps) do not move to another product. Write them down or take screenshots so you can set them up again."),
	}
}

// saveView is step 3: the checklist of what would be lost, each with its
// steps behind an expander. Ticks are saved.
func (u *App) saveView() fyne.CanvasObject {
	box := container.NewVBox(paragraph(lang.X("save.intro", "Removing Kaspersky deletes what it keeps. Do these first, and tick each one when it is done.")))
	u.Save.Ticks = map[string]*widget.Check{}
	for _, id := range u.state.Checklist() {
		item := saveItemText(id)
		check := widget.NewCheck(item.title, func(done bool) {
			if done != u.state.Ticks[id] {
				u.setState(u.state.WithTick(id, done))
			}
		})
		check.Checked = u.state.Ticks[id]
		u.Save.Ticks[id] = check
		how := paragraph(item.how)
		box.Add(container.NewVBox(check, widget.NewAccordion(widget.NewAccordionItem(lang.X("save.how", "How to do it"), how))))
	}
	return box
}
