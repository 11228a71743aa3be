package present

// Programmes are the programme names offered for a measure (any name may
// be typed).
var Programmes = []string{"IEEPA", "S232", "S122", "S338", "S301", "ADCVD", "CA-COUNTER", "DEAL"}
