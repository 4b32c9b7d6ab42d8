import DagrouteCLI
import Foundation

exit(DagrouteMain.run(Array(CommandLine.arguments.dropFirst())))
