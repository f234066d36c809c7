package dev.scopekeeper.pat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.pat.PatDetails;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatScopeView;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.pat.PatService.SortBy;
import dev.scopekeeper.pat.PatStatus;
import dev.scopekeeper.pat.PatSummary;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The creation page (Magistrala "Create Pat", Motadata "Create Token Parameters"). */
class PatCreateViewTest extends BrowserlessTestBase {

    @Autowired
    PatService pats;

    @Autowired
    TestDomains domains;

    @Autowired
    ClientService clients;

    private List<PatSummary> myTokens() {
        return pats.list(new PatQuery(Optional.empty(), null, 0, 100, SortBy.NAME, false))
                .items();
    }

    private PatDetailView createdDetail() {
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(PatDetailView.class);
        return (PatDetailView) UI.getCurrent().getCurrentView();
    }

    @Test
    void theFormHasTheGuidesFieldsWithThirtyDaysByDefault() {
        signInAsNew("create", PlatformRole.USER);
        PatCreateView view = navigate(PatCreateView.class);

        assertThat(view.name.getLabel()).isEqualTo("Name");
        assertThat(view.description.getLabel()).isEqualTo("Description");
        assertThat(view.duration.duration.getLabel()).isEqualTo("Duration");
        assertThat(test(view.duration.duration).getSuggestions())
                .containsExactly("1 day", "7 days", "30 days", "60 days", "90 days", "1 year", "Custom date", "Never");
        assertThat(view.duration.duration.getValue()).isEqualTo(DurationField.Choice.DAYS_30);
        assertThat(view.duration.customDate.isVisible()).isFalse();
        assertThat(view.duration.neverWarning.isVisible()).isFalse();
        assertThat(view.create.getText()).isEqualTo("Create");
        assertThat(view.reset.getText()).isEqualTo("Reset");
    }

    @Test
    void creatingOpensTheDetailPageWithTheSecretShownOnce() {
        signInAsNew("create", PlatformRole.USER);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.name).setValue("ci deploy");
        test(view.description).setValue("deploys from CI");
        test(view.duration.duration).selectItem("7 days");
        test(view.create).click();

        PatDetailView detail = createdDetail();
        assertThat(detail.name.getValue()).isEqualTo("ci deploy");
        assertThat(detail.description.getValue()).isEqualTo("deploys from CI");
        assertThat(detail.secretPanel).isNotNull();
        assertThat(detail.secretPanel.token.getValue()).startsWith("pat_").contains("••••");
        test(detail.secretPanel.reveal).click();
        assertThat(detail.secretPanel.token.getValue()).startsWith("pat_").hasSizeGreaterThan(30);
        assertThat(detail.secretPanel.curl.getText())
                .contains("Authorization: Bearer " + detail.secretPanel.token.getValue(), "/api/v1/domains/");
        assertThat(notifications()).contains("Token \"ci deploy\" created: copy its secret now");
        PatSummary created = myTokens().getFirst();
        assertThat(Duration.between(Instant.now(), created.expiresAt()).toDays())
                .isBetween(6L, 7L);

        navigate(PatListView.class);
        PatDetailView again = navigate("pats/" + created.id(), PatDetailView.class);
        assertThat(again.secretPanel).isNull();
        assertThat(find(SecretPanel.class).exists()).isFalse();
    }

    @Test
    void aMissingNameIsShownAtTheFieldAndNothingIsCreated() {
        signInAsNew("create", PlatformRole.USER);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.create).click();

        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("Name is required");
        assertThat(notifications()).contains("Check the highlighted fields");
        assertThat(myTokens()).isEmpty();
        assertThat(UI.getCurrent().getCurrentView()).isSameAs(view);
    }

    @Test
    void aDuplicateNameIsShownAtTheNameField() {
        signInAsNew("create", PlatformRole.USER);
        pats.create(new CreatePatRequest("backup", "", PatDuration.days(7), null, List.of()));
        PatCreateView view = navigate(PatCreateView.class);
        test(view.name).setValue("BACKUP");
        test(view.create).click();

        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("You already have a token named \"BACKUP\"");
        assertThat(myTokens()).hasSize(1);
    }

    @Test
    void aNameWithAHiddenDirectionOverrideIsRefusedAtTheNameFieldLikeInTheApi() {
        signInAsNew("create", PlatformRole.USER);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.name).setValue("invoice\u202Efdp.exe");
        test(view.create).click();

        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage())
                .isEqualTo(
                        "Name cannot contain control characters, invisible direction overrides or unpaired surrogates");
        assertThat(myTokens()).isEmpty();
    }

    @Test
    void neverShowsAStrongWarningAndCreatesATokenWithoutExpiry() {
        signInAsNew("create", PlatformRole.USER);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.name).setValue("forever");
        test(view.duration.duration).selectItem("Never");

        assertThat(view.duration.neverWarning.isVisible()).isTrue();
        assertThat(view.duration.neverWarning.getElement().getTextRecursively()).contains("strongly discouraged");
        test(view.create).click();

        assertThat(myTokens().getFirst().expiresAt()).isNull();
        assertThat(createdDetail().expires.getValue()).startsWith("Never");
    }

    @Test
    void aCustomDateNeedsADateAndTheTokenExpiresAtTheEndOfThatDay() {
        signInAsNew("create", PlatformRole.USER);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.name).setValue("until a date");
        test(view.duration.duration).selectItem("Custom date");
        assertThat(view.duration.customDate.isVisible()).isTrue();

        test(view.create).click();
        assertThat(view.duration.customDate.isInvalid()).isTrue();
        assertThat(view.duration.customDate.getErrorMessage()).isEqualTo("Choose an expiry date in the allowed range");
        assertThat(myTokens()).isEmpty();

        LocalDate date = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        test(view.duration.customDate).setValue(date);
        test(view.create).click();

        assertThat(myTokens().getFirst().expiresAt())
                .isEqualTo(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void resetClearsEveryFieldBackToTheDefaults() {
        signInAsNew("create", PlatformRole.ADMIN);
        PatCreateView view = navigate(PatCreateView.class);
        UserProfile me = view.user.getValue();
        test(view.name).setValue("half done");
        test(view.description).setValue("something");
        test(view.duration.duration).selectItem("Never");
        test(view.scopes.addRow).click();
        test(view.create).click();
        assertThat(view.scopes.scopeRows.getFirst().operations.isInvalid()).isTrue();

        test(view.reset).click();

        assertThat(view.name.getValue()).isEmpty();
        assertThat(view.name.isInvalid()).isFalse();
        assertThat(view.description.getValue()).isEmpty();
        assertThat(view.duration.duration.getValue()).isEqualTo(DurationField.Choice.DAYS_30);
        assertThat(view.duration.neverWarning.isVisible()).isFalse();
        assertThat(view.user.getValue()).isEqualTo(me);
        assertThat(view.scopes.scopeRows).isEmpty();
        assertThat(notifications()).contains("The form was reset");
        assertThat(myTokens()).isEmpty();
    }

    @Test
    void theUserFieldIsHiddenForPeopleWhoAreNotAdministrators() {
        signInAsNew("create", PlatformRole.USER);
        PatCreateView view = navigate(PatCreateView.class);
        assertThat(view.user.isVisible()).isFalse();
    }

    @Test
    void anAdministratorMintsATokenForAnotherUserWhoseRoleItCarries() {
        UserProfile bob = testUsers.create("bob", PlatformRole.USER);
        UserProfile admin = signInAsNew("create", PlatformRole.ADMIN);
        PatCreateView view = navigate(PatCreateView.class);

        assertThat(view.user.isVisible()).isTrue();
        assertThat(view.user.getLabel()).isEqualTo("User");
        assertThat(view.user.getHelperText()).contains("carries this user's role");
        assertThat(view.user.getValue().id()).isEqualTo(admin.id());
        test(view.user).setFilter(bob.username());
        assertThat(test(view.user).getSuggestionItems())
                .extracting(UserProfile::id)
                .containsExactly(bob.id());
        test(view.user).selectItem(bob.displayName() + " (" + bob.username() + ")");
        test(view.name).setValue("bob's monitoring");
        test(view.duration.duration).selectItem("90 days");
        test(view.create).click();

        // the token is Bob's, not the administrator's: its page opens as for one's own, showing the owner and
        // the secret once (issue 11)
        PatDetailView detail = (PatDetailView) UI.getCurrent().getCurrentView();
        assertThat(detail.administering).isTrue();
        assertThat(detail.owner.getValue()).isEqualTo(bob.username());
        assertThat(detail.secretPanel).isNotNull();
        test(detail.secretPanel.reveal).click();
        String secret = detail.secretPanel.token.getValue();
        assertThat(secret).startsWith("pat_");
        assertThat(detail.mintedNotice.getText()).contains("bob's monitoring", bob.username());
        assertThat(detail.regenerate.isVisible()).isFalse();
        assertThat(detail.name.isReadOnly()).isTrue();
        assertThat(myTokens()).isEmpty();

        testUsers.signIn(bob);
        PatSummary bobs = myTokens().getFirst();
        assertThat(bobs.name()).isEqualTo("bob's monitoring");
        PatDetails details = pats.get(bobs.id());
        assertThat(details.createdById()).isEqualTo(admin.id());
        assertThat(Duration.between(Instant.now(), details.expiresAt()).toDays())
                .isBetween(89L, 90L);

        testUsers.signIn(admin);
        navigate(PatListView.class);
        navigate(PatCreateView.class);
        assertThat(find(SecretPanel.class).exists()).isFalse();
    }

    @Test
    void theAdministratorCanRevokeATokenMintedForAnotherUserRightAwayAfterSayingYes() {
        UserProfile bob = testUsers.create("bob", PlatformRole.USER);
        signInAsNew("create", PlatformRole.ADMIN);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.user).setFilter(bob.username());
        test(view.user).selectItem(bob.displayName() + " (" + bob.username() + ")");
        test(view.name).setValue("short-lived");
        test(view.create).click();

        PatDetailView detail = (PatDetailView) UI.getCurrent().getCurrentView();
        test(detail.revoke).click();
        com.vaadin.flow.component.confirmdialog.ConfirmDialog dialog =
                find(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class)
                        .single();
        assertThat(test(dialog).getHeader()).isEqualTo("Revoke \"short-lived\"?");
        test(dialog).confirm();

        assertThat(notifications()).contains("Token \"short-lived\" revoked");
        assertThat(detail.revoke.isEnabled()).isFalse();
        assertThat(detail.badge.getText()).isEqualTo("Revoked");
        testUsers.signIn(bob);
        assertThat(myTokens()).singleElement().satisfies(t -> assertThat(t.status())
                .isEqualTo(PatStatus.REVOKED));
    }

    @Test
    void theScopesEditorOffersTheCatalogueAndCreatesOneScopePerOperation() {
        UserProfile me = signInAsNew("create", PlatformRole.USER);
        long domain = domains.domain("Scoped");
        domains.member(domain, me, DomainRole.EDITOR);
        long client = domains.client(domain, "thermostat");
        testUsers.signIn(me);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.name).setValue("scoped");
        test(view.scopes.addRow).click();
        ScopesEditor.Row row = view.scopes.scopeRows.getFirst();

        assertThat(row.domain.getLabel()).isEqualTo("Domain");
        assertThat(row.entityType.getLabel()).isEqualTo("Entity type");
        assertThat(row.operations.getLabel()).isEqualTo("Operation");
        assertThat(row.entity.getLabel()).isEqualTo("Entity");
        assertThat(row.domain.getValue().id()).isEqualTo(domain);
        assertThat(test(row.entityType).getSuggestions()).containsExactly("Clients", "Channels", "Groups", "Domain");
        assertThat(test(row.operations).getSuggestionItems()).isEqualTo(EntityType.CLIENTS.operations());
        assertThat(row.entity.getValue().isAny()).isTrue();

        test(row.operations).selectItem("view", "update");
        test(row.entity).selectItem("thermostat");
        test(view.create).click();

        PatDetails created = pats.get(myTokens().getFirst().id());
        assertThat(created.scopes()).extracting(PatScopeView::operation).containsExactlyInAnyOrder("view", "update");
        assertThat(created.scopes()).extracting(PatScopeView::entity).containsOnly(Long.toString(client));
    }

    @Test
    void selectAllOperationsGivesAStarScopeAndDomainScopesAreLockedToTheirDomain() {
        UserProfile me = signInAsNew("create", PlatformRole.USER);
        long domain = domains.domain("Starred");
        domains.member(domain, me, DomainRole.ADMIN);
        testUsers.signIn(me);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.name).setValue("broad");
        test(view.scopes.addRow).click();
        test(view.scopes.addRow).click();
        ScopesEditor.Row groups = view.scopes.scopeRows.get(0);
        test(groups.entityType).selectItem("Groups");
        assertThat(test(groups.operations).getSuggestionItems()).contains(Operation.GROUPS_RETRIEVE_GROUP_HIERARCHY);
        test(groups.allOperations).click();
        assertThat(groups.operations.isEnabled()).isFalse();
        ScopesEditor.Row domainRow = view.scopes.scopeRows.get(1);
        test(domainRow.entityType).selectItem("Domain");
        assertThat(domainRow.entity.isVisible()).isFalse();
        assertThat(domainRow.domainLocked.isVisible()).isTrue();
        test(domainRow.operations).selectItem("list_clients");
        test(view.create).click();

        PatDetails created = pats.get(myTokens().getFirst().id());
        assertThat(created.scopes())
                .extracting(s -> s.entityType() + ":" + s.operation() + ":" + s.entity())
                .containsExactlyInAnyOrder("groups:*:*", "domains:list_clients:" + domain);
    }

    @Test
    void anIncompleteScopeRowIsMarkedAndNothingIsCreated() {
        signInAsNew("create", PlatformRole.USER);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.name).setValue("incomplete");
        test(view.scopes.addRow).click();
        test(view.create).click();

        ScopesEditor.Row row = view.scopes.scopeRows.getFirst();
        assertThat(row.domain.isInvalid()).isTrue();
        assertThat(row.domain.getErrorMessage()).isEqualTo("Choose a domain");
        assertThat(row.operations.getErrorMessage()).isEqualTo("Choose at least one operation, or all operations");
        assertThat(myTokens()).isEmpty();

        test(row.remove).click();
        assertThat(view.scopes.scopeRows).isEmpty();
        test(view.create).click();
        assertThat(myTokens()).hasSize(1);
    }

    @Test
    void anAdministratorMintingForAnotherUserIsOfferedOnlyThatUsersDomains() {
        UserProfile carol = testUsers.create("carol", PlatformRole.USER);
        long hers = domains.domain("Carols");
        domains.member(hers, carol, DomainRole.EDITOR);
        long notHers = domains.domain("NotCarols");
        signInAsNew("create", PlatformRole.ADMIN);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.scopes.addRow).click();

        test(view.user).setFilter(carol.username());
        test(view.user).selectItem(carol.displayName() + " (" + carol.username() + ")");

        var row = view.scopes.scopeRows.getFirst();
        List<Long> offered =
                test(row.domain).getSuggestionItems().stream().map(d -> d.id()).toList();
        assertThat(offered).contains(hers).doesNotContain(notHers);
        assertThat(row.domain.getValue().id()).isEqualTo(hers);
    }

    // --- issue 11, defect 7: a refused scope is said at its row, in words, and nothing typed is lost ---

    @Test
    void aScopeInADomainTheUserLeftMeanwhileIsRefusedAtItsDomainFieldByNameAndTheFormKeepsWhatWasTyped() {
        UserProfile me = signInAsNew("create", PlatformRole.USER);
        long domain = domains.domain("Left");
        domains.member(domain, me, DomainRole.EDITOR);
        testUsers.signIn(me);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.name).setValue("meanwhile");
        test(view.description).setValue("typed before the refusal");
        test(view.duration.duration).selectItem("7 days");
        test(view.scopes.addRow).click();
        ScopesEditor.Row row = view.scopes.scopeRows.getFirst();
        String domainName = row.domain.getValue().name();
        test(row.operations).selectItem("view");
        // the user is removed from the domain while the form is open
        domains.removeMember(domain, me);

        test(view.create).click();

        assertThat(row.domain.isInvalid()).isTrue();
        assertThat(row.domain.getErrorMessage())
                .isEqualTo("You are not a member of \"" + domainName + "\" (any more): choose one of your domains")
                .doesNotContain(Long.toString(domain));
        assertThat(view.scopes.error.isVisible())
                .as("no error away from the row")
                .isFalse();
        assertThat(notifications()).noneMatch(n -> n.contains("not found"));
        assertThat(UI.getCurrent().getCurrentView()).isSameAs(view);
        assertThat(view.name.getValue()).isEqualTo("meanwhile");
        assertThat(view.description.getValue()).isEqualTo("typed before the refusal");
        assertThat(view.duration.duration.getValue()).isEqualTo(DurationField.Choice.DAYS_7);
        assertThat(row.domain.getValue().id()).isEqualTo(domain);
        assertThat(row.operations.getValue())
                .containsExactly(Operation.find(EntityType.CLIENTS, "view").orElseThrow());
        assertThat(myTokens()).isEmpty();

        // removing the refused row lets the rest through
        test(row.remove).click();
        test(view.create).click();
        assertThat(myTokens()).singleElement().satisfies(t -> assertThat(t.name())
                .isEqualTo("meanwhile"));
    }

    @Test
    void anEntityDeletedMeanwhileIsRefusedAtItsEntityFieldByName() {
        UserProfile me = signInAsNew("create", PlatformRole.USER);
        long domain = domains.domain("Gone");
        domains.member(domain, me, DomainRole.EDITOR);
        long client = domains.client(domain, "old-pump");
        testUsers.signIn(me);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.name).setValue("pump reader");
        test(view.scopes.addRow).click();
        ScopesEditor.Row row = view.scopes.scopeRows.getFirst();
        String domainName = row.domain.getValue().name();
        test(row.operations).selectItem("view");
        test(row.entity).selectItem("old-pump");
        domains.as(domains.adminOf(domain), () -> {
            clients.delete(domain, client);
            return null;
        });

        test(view.create).click();

        assertThat(row.entity.isInvalid()).isTrue();
        assertThat(row.entity.getErrorMessage())
                .isEqualTo("\"old-pump\" no longer exists in \"" + domainName + "\": choose another, or Any");
        assertThat(row.domain.isInvalid()).isFalse();
        assertThat(view.scopes.error.isVisible()).isFalse();
        assertThat(view.name.getValue()).isEqualTo("pump reader");
        assertThat(myTokens()).isEmpty();

        test(row.entity).selectItem("Any");
        assertThat(row.entity.isInvalid()).isFalse();
        test(view.create).click();
        assertThat(myTokens()).hasSize(1);
    }

    @Test
    void anAdministratorMintingForAUserRemovedFromTheDomainMeanwhileSeesItAtTheRowWithTheUsersName() {
        UserProfile dave = testUsers.create("dave", PlatformRole.USER);
        long his = domains.domain("Daves");
        domains.member(his, dave, DomainRole.EDITOR);
        signInAsNew("create", PlatformRole.ADMIN);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.user).setFilter(dave.username());
        test(view.user).selectItem(dave.displayName() + " (" + dave.username() + ")");
        test(view.name).setValue("for dave");
        test(view.scopes.addRow).click();
        ScopesEditor.Row row = view.scopes.scopeRows.getFirst();
        assertThat(row.domain.getValue().id()).isEqualTo(his);
        String domainName = row.domain.getValue().name();
        test(row.allOperations).click();
        domains.removeMember(his, dave);

        test(view.create).click();

        assertThat(row.domain.isInvalid()).isTrue();
        assertThat(row.domain.getErrorMessage())
                .isEqualTo(dave.username() + " is not a member of \"" + domainName + "\": choose one of their domains");
        assertThat(view.user.getValue().id()).isEqualTo(dave.id());
        assertThat(view.name.getValue()).isEqualTo("for dave");
        assertThat(row.allOperations.getValue()).isTrue();
        assertThat(UI.getCurrent().getCurrentView()).isSameAs(view);
    }

    @Test
    void choosingAnotherUserKeepsEachRowsChoiceAndMarksADomainThatUserIsNotIn() {
        UserProfile erin = testUsers.create("erin", PlatformRole.USER);
        long hers = domains.domain("Erins");
        domains.member(hers, erin, DomainRole.EDITOR);
        UserProfile admin = signInAsNew("create", PlatformRole.ADMIN);
        long mine = domains.domain("AdminOnly");
        domains.member(mine, admin, DomainRole.ADMIN);
        testUsers.signIn(admin);
        PatCreateView view = navigate(PatCreateView.class);
        test(view.scopes.addRow).click();
        ScopesEditor.Row row = view.scopes.scopeRows.getFirst();
        test(row.domain).setFilter("AdminOnly");
        DomainView adminOnly = test(row.domain).getSuggestionItems().stream()
                .filter(d -> d.id() == mine)
                .findFirst()
                .orElseThrow();
        test(row.domain).selectItem(adminOnly.name());
        test(row.entityType).selectItem("Channels");
        test(row.operations).selectItem("view");

        test(view.user).setFilter(erin.username());
        test(view.user).selectItem(erin.displayName() + " (" + erin.username() + ")");

        // the row is not silently moved to another domain: it keeps its choice and says why it cannot stay
        assertThat(row.domain.getValue().id()).isEqualTo(mine);
        assertThat(row.entityType.getValue()).isEqualTo(EntityType.CHANNELS);
        assertThat(row.operations.getValue()).hasSize(1);
        assertThat(row.domain.isInvalid()).isTrue();
        assertThat(row.domain.getErrorMessage())
                .isEqualTo(erin.username() + " is not a member of \"" + adminOnly.name()
                        + "\": choose one of their domains");

        // a new row starts in Erin's domain; choosing her domain in the first row clears its error
        test(view.scopes.addRow).click();
        assertThat(view.scopes.scopeRows.get(1).domain.getValue().id()).isEqualTo(hers);
        test(row.domain).setFilter("");
        DomainView erins = test(row.domain).getSuggestionItems().stream()
                .filter(d -> d.id() == hers)
                .findFirst()
                .orElseThrow();
        test(row.domain).selectItem(erins.name());
        assertThat(row.domain.isInvalid()).isFalse();
    }
}
