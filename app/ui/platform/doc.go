// Package platform holds what the desktop app needs from the operating
// system: the clipboard for images, the documents folder, the file
// repository that never opens a live workspace, the offline repository for
// web addresses, the log file and the environment checks. It changes no
// process-wide state itself: it returns what main sets (environment,
// loggers, URI repositories, MIME types).
package platform
