package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"transitionhelper/app/catalog"
	"transitionhelper/app/progress"
)

// saveWidgets are step 3's widgets.
type saveWidgets struct {
	Ticks map[string]*toggle
	// How holds each item's steps, opened when the removal guard sent the user here.
	How map[string]*expander
	// Move is the passwords' "Move them to …" (step3_move.go).
	Move moveWidgets
}

// saveItem is one thing to save before removal, with how to do it and the
// words of the link that opens those steps.
type saveItem struct{ title, how, link string }

func saveItemText(id, goos string) saveItem {
	switch {
	case id == progress.SavePasswords && goos == catalog.OSDarwin:
		// On a Mac it opens only after a My Kaspersky sign-in, and older
		// versions have no export (Kaspersky's Mac help); Kaspersky gets no
		// updates in the U.S., so "update it" is no answer there.
		return saveItem{
			lang.X("save.passwords", "Export your passwords from Kaspersky Password Manager"),
			lang.X("save.passwords-how-mac", "1. Open Kaspersky Password Manager. On a Mac it asks you to sign in to My Kaspersky, then for your main password.\n2. Look for Export in its settings or menus. Export your passwords to a file and save it where you will find it, such as your Documents folder.\n3. Older Mac versions have no Export. Then export on a Windows computer that has Kaspersky Password Manager signed in to the same My Kaspersky account. If there is none, copy the passwords you need by hand.\n4. Keep the file until your new password manager (step 5) has imported it. Then delete it: anyone who opens it can read your passwords.\nIf you forgot your main password, the saved passwords cannot be recovered."),
			lang.X("save.passwords-link", "How to export your passwords"),
		}
	case id == progress.SavePasswords:
		return saveItem{
			lang.X("save.passwords", "Export your passwords from Kaspersky Password Manager"),
			lang.X("save.passwords-how-2", "1. Open Kaspersky Password Manager and unlock it with your main password.\n2. Open Settings, then Import/Export. In older versions the button is called \"Export as text\".\n3. Save the file where you will find it, such as your Documents folder.\n4. Keep that file until your new password manager (you choose it in step 5) has imported it. Then delete the file: anyone who opens it can read your passwords.\nKaspersky's own backup file (.edb) only works with Kaspersky, so it does not help here. If you forgot your main password, the saved passwords cannot be recovered."),
			lang.X("save.passwords-link", "How to export your passwords"),
		}
	case id == progress.SaveLicence:
		return saveItem{
			lang.X("save.licence", "Write down your license or subscription details"),
			lang.X("save.licence-how", "1. Open Kaspersky and look for License or Subscription.\n2. Write down the activation code, the end date and the email address of your My Kaspersky account.\nYou may need them to ask for a refund or to answer questions about UltraAV."),
			lang.X("save.licence-link", "How to find your license details"),
		}
	case id == progress.SaveQuarantine:
		return saveItem{
			lang.X("save.quarantine", "Check the quarantine for files you still need"),
			lang.X("save.quarantine-how", "1. Open Kaspersky, then More tools (or Tools), then Quarantine.\n2. If a file you need is there and you are sure it is safe, restore it.\nAfter Kaspersky is removed, the files in its quarantine cannot be restored. The uninstaller may also ask whether to keep them: keeping them does not make them usable elsewhere."),
			lang.X("save.quarantine-link", "How to check the quarantine"),
		}
	case id == progress.SaveVPN:
		return saveItem{
			lang.X("save.vpn", "Note your VPN subscription"),
			lang.X("save.vpn-how", "Kaspersky's VPN (Secure Connection) stops working when it is removed. If you use a VPN, write down the subscription details and plan a new VPN before you remove it."),
			lang.X("save.vpn-link", "What to note about the VPN"),
		}
	}
	return saveItem{
		lang.X("save.safe-kids", "Write down your Safe Kids rules"),
		lang.X("save.safe-kids-how", "Kaspersky Safe Kids rules (screen time, allowed sites and apps) do not move to another product. Write them down or take screenshots so you can set them up again."),
		lang.X("save.safe-kids-link", "How to keep your Safe Kids rules"),
	}
}

// saveView is step 3: the checklist of what would be lost, each with its
// steps behind an expander. Ticks are saved.
func (u *App) saveView() fyne.CanvasObject {
	box := container.NewVBox(paragraph(lang.X("save.intro-2", "Removing Kaspersky deletes what it keeps. Do these first, and check off each one when it is done. Step 4 reminds you of anything not checked off before it removes the product that holds it.")))
	u.Save.Ticks = map[string]*toggle{}
	u.Save.How = map[string]*expander{}
	for _, id := range u.state.Checklist() {
		item := saveItemText(id, u.osFamily())
		// A toggle a screen reader names with its state: "…: done".
		check := newToggle(item.title, u.state.Ticks[id], func(done bool) {
			if done != u.state.Ticks[id] {
				u.setState(u.state.WithTick(id, done))
			}
		}).withStateWords(lang.X("a11y.done", "done"), lang.X("a11y.not-done", "not done yet"))
		u.Save.Ticks[id] = check
		var detail fyne.CanvasObject = paragraph(item.how)
		if id == progress.SavePasswords {
			detail = container.NewVBox(detail, u.movePasswordsBox())
		}
		how := newExpander(item.link, detail)
		if id == u.openSave {
			how.Open()
			u.openSave = ""
		}
		u.Save.How[id] = how
		box.Add(container.NewVBox(check, how.Box))
	}
	return box
}
