package removal

// Outcomes of an uninstaller run.
const (
	Done          = "done"
	RestartNeeded = "restart-needed"
	Cancelled     = "cancelled"
	Failed        = "failed"
	// Refused: the trust check just before the start failed; nothing ran.
	Refused = "refused"
	// WouldStart: a dry run (a fixture stands in for the computer); nothing ran.
	WouldStart = "would-start"
)

// OutcomeOf reads an uninstaller's exit code: Windows Installer's 3010 and
// 1641 mean a restart is needed, 1602 and 1223 (UAC declined) that the user
// cancelled.
func OutcomeOf(code int) string {
	switch code {
	case 0:
		return Done
	case 3010, 1641:
		return RestartNeeded
	case 1602, 1223:
		return Cancelled
	}
	return Failed
}
