import { AppShell, Badge, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { Navigate, NavLink as RouterLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../../shared/api/staff';
import { api, unwrap } from '../lib/api';
import { useChangeFeed } from '../lib/change-feed';
import { lockScreen, useIdleLock } from '../lib/idle-lock';
import { useSetSession } from '../lib/session';
import { DiaryPage } from '../features/appointments';
import { AuditPage } from '../features/audit';
import { PatientTreatmentsPage } from '../features/chart';
import { SettingsPage } from '../features/clinic';
import { OwnLanguageMenu, OwnProfilePage } from '../features/staff';
import { ProductsPage } from '../features/products';
import { RecallPage } from '../features/recall';
import { RemindersPage } from '../features/reminders';
import { PreCheckPage } from '../features/screening';
import { useSearchShortcut } from '../features/patients';
import { SessionPage } from '../features/sessions';
import { PatientsPage } from './PatientsPage';
import './header.css';
import { ServerBanner } from './ServerBanner';
import { TodayPage } from './TodayPage';

interface NavItem {
  to: string;
  label: string;
  adminOnly?: boolean;
}

/** The signed-in frame: navigation, who is signed in, and the lock button. */
export function Shell({ user, idleLockMinutes }: { user: StaffUser; idleLockMinutes: number }) {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const location = useLocation();
  useIdleLock(idleLockMinutes);
  useChangeFeed();
  useSearchShortcut();

  const items: NavItem[] = [
    { to: '/patients', label: t('nav.patients') },
    { to: '/today', label: t('nav.today') },
    { to: '/diary', label: t('diary.nav') },
    { to: '/reminders', label: t('reminders.nav') },
    { to: '/products', label: t('products.nav') },
    { to: '/recall', label: t('recall.nav') },
    { to: '/settings', label: t('nav.settings') },
    { to: '/profile', label: t('nav.profile') },
    { to: '/audit', label: t('nav.audit'), adminOnly: true },
  ];
  const isAdmin = user.role === 'admin';

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        {/* One line that never wraps under the fixed header: in a narrow window the user's
            name gives way (cut with an ellipsis, whole in its title) before anything overlaps. */}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Title
            order={1}
            size="h3"
            style={{ flexShrink: 0 }}
            className="mesochart-header-title"
            data-testid="app-title"
          >
            {t('app.name')}
          </Title>
          <Group
            gap="sm"
            wrap="nowrap"
            miw={0}
            justify="flex-end"
            className="mesochart-header-items"
          >
            <OwnLanguageMenu user={user} />
            <Text
              size="sm"
              truncate="end"
              miw={0}
              title={user.displayName}
              data-testid="signed-in-user"
            >
              {user.displayName}
            </Text>
            <Badge variant="light" style={{ flexShrink: 0 }}>
              {t(`roles.${user.role}`)}
            </Badge>
            <Button
              variant="light"
              size="xs"
              style={{ flexShrink: 0 }}
              onClick={() => void lockScreen(setSession)}
            >
              {t('shell.lock')}
            </Button>
            <Button
              variant="subtle"
              size="xs"
              style={{ flexShrink: 0 }}
              onClick={() => void unwrap(api.auth.signOut({})).then(setSession)}
            >
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <Stack gap={2} component="nav">
          {items
            .filter((item) => !item.adminOnly || isAdmin)
            .map((item) => (
              <NavLink
                key={item.to}
                component={RouterLink}
                to={item.to}
                label={item.label}
                active={location.pathname.startsWith(item.to)}
              />
            ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <ServerBanner />
        <Routes>
          <Route path="/patients/*" element={<PatientsPage user={user} />} />
          <Route
            path="/patients/:patientId/treatments"
            element={<PatientTreatmentsPage user={user} />}
          />
          <Route
            path="/patients/:patientId/sessions/:sessionId"
            element={<SessionPage user={user} />}
          />
          <Route path="/patients/:patientId/check" element={<PreCheckPage user={user} />} />
          <Route path="/products" element={<ProductsPage user={user} />} />
          <Route path="/recall" element={<RecallPage lots={user.role !== 'receptionist'} />} />
          <Route path="/today" element={<TodayPage user={user} />} />
          <Route path="/diary" element={<DiaryPage />} />
          <Route path="/reminders" element={<RemindersPage />} />
          <Route path="/settings" element={<SettingsPage user={user} />} />
          <Route path="/profile" element={<OwnProfilePage />} />
          {isAdmin ? <Route path="/audit" element={<AuditPage />} /> : null}
          <Route path="*" element={<Navigate to="/patients" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
