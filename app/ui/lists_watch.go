package ui

import (
	"fmt"
	"strings"
)

// listsStamp says which user lists the workspace holds and when each last
// changed ("" when they cannot be read).
func (u *UI) listsStamp() string {
	infos, err := u.ws.ListInfos()
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, l := range infos {
		if !l.Builtin {
			fmt.Fprintf(&b, "%s %s %d\n", l.Name, l.Updated, l.Size)
		}
	}
	return b.String()
}

// dropModelIfListsChanged forgets the cached model when the user's lists
// changed elsewhere (the command line, another window), so that the
// product picker and the figures use the lists as they are now.
func (u *UI) dropModelIfListsChanged() bool {
	stamp := u.listsStamp()
	if stamp == u.listsSeen {
		return false
	}
	u.listsSeen = stamp
	u.model, u.modelKey = nil, ""
	return true
}
