package dataview

import "testing"

// The import dialog picks the currency the file's value header names: a
// table with HS codes and provinces whose value column says USD stays in
// US$, with no exchange rate asked.
func TestImportDialogValueUSDStaysUSD(t *testing.T) {
	u, _ := newTestView(t)
	path := writeDataFile(t, "by_state.csv", "HS10,Province,Value USD\n7601106030,Quebec,1350\n2709002090,Alberta,5000\n")
	im := openImporter(t, u, path)
	if im.currency.Selected != currencyUSD || !im.rate.Disabled() {
		t.Errorf("currency %q (rate disabled %v), want US$ for a header that says USD", im.currency.Selected, im.rate.Disabled())
	}
}
