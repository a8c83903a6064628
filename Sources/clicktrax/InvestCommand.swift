import ArgumentParser

/// `clicktrax invest …`: working with the Invest API itself (RULES.md §8).
struct InvestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invest",
        abstract: "Work with Microsoft Invest: log in, pull the catalog and trackers, push what was made here.",
        discussion: """
            A database is standalone until `invest login` and a first `invest pull` connect it to a member. \
            From then on, trackers created here are pending (they have no Invest id yet, and their tags \
            cannot be exported) until `invest push` sends them.
            """,
        subcommands: [InvestLogin.self, InvestLogout.self, InvestPullCommand.self, InvestPullClicks.self, InvestPullImpressions.self,
                      InvestPushCommand.self,
                      InvestStatusCommand.self, InvestResolve.self])
}
